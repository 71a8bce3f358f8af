import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { isLanguage, type LocalizedText } from '../../kernel/localized.ts';
import {
  countryBaseName,
  createActionFromRequest,
  networkBaseName,
} from '../actions/actions.for-requests.ts';
import type { Notifier } from '../notifications/notifications.service.ts';
import type { AssessmentBody, RequestDetail } from './requests.contract.ts';
import { notifyAbout } from './requests.notify.ts';
import { assertAssessable, assertCanCreateAction } from './requests.policy.ts';
import { institutionsOf } from './requests.queries.ts';
import { getRequest, loadVisible } from './requests.service.ts';
import { requests } from './requests.table.ts';

/** The officer's assessment and recommendation: internal notes that the committee reads. */
export async function saveAssessment(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
  input: AssessmentBody,
): Promise<RequestDetail> {
  const me = requireActor(actor);
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    assertAssessable(me, visible.access);
    const updated = await tx
      .update(requests)
      .set({ ...input, version: visible.row.version + 1, updatedAt: new Date() })
      .where(and(eq(requests.id, id), eq(requests.version, version)))
      .returning({ id: requests.id });
    if (updated.length === 0) throw staleVersion('The request', visible.row.version);
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.assess',
      entityType: 'request',
      entityId: id,
      changes: { recommendation: input.recommendation, assessmentLength: input.assessment.length },
    });
  });
  return getRequest(db, me, id);
}

/**
 * Makes the Action an approved request becomes, in design, named by country and sequence (or by the
 * network), with the request's institutions, countries, topics and text; linked both ways.
 */
export async function createActionForRequest(db: Db, notifier: Notifier, actor: Actor | null, id: string) {
  const me = requireActor(actor);
  const action = await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    assertCanCreateAction(me, visible.access);
    const { row, relations, access } = visible;
    const linked = institutionsOf(relations, id);
    const requesting = linked.find((i) => i.role === 'requesting');
    const countryCodes = relations.countryRows.map((c) => c.countryCode);
    const isNetwork = requesting?.type === 'regional_network';
    const baseName =
      isNetwork && requesting
        ? await networkBaseName(tx, requesting)
        : await countryBaseName(
            tx,
            countryCodes.length === 1
              ? (countryCodes[0] as string)
              : (requesting?.countryCode ?? countryCodes[0] ?? 'XX'),
          );
    const language = isLanguage(row.language) ? row.language : 'en';
    const title: LocalizedText = { [language]: row.title };
    const summary: LocalizedText = {
      [language]: [row.problem, row.expectedChange].filter((text) => text.trim()).join('\n\n'),
    };
    const created = await createActionFromRequest(tx, {
      requestId: id,
      baseName,
      kind: isNetwork ? 'network' : 'country',
      title,
      summary,
      countryCodes,
      topicCodes: relations.topicRows.map((t) => t.topicCode),
      institutions: linked.flatMap((institution) => [
        { id: institution.id, role: 'requesting' as const },
        { id: institution.id, role: 'beneficiary' as const },
      ]),
    });
    await tx
      .update(requests)
      .set({ updatedAt: new Date(), version: row.version + 1 })
      .where(eq(requests.id, id));
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.create_action',
      entityType: 'request',
      entityId: id,
      changes: { actionId: created.id, actionName: created.name },
    });
    await notifyAbout(
      tx,
      notifier,
      me,
      { id, number: row.number, title: row.title, access },
      'request.action_created',
      ['partners', 'officers'],
      { action: created.name },
    );
    return created;
  });
  notifier.afterCommit();
  return action;
}
