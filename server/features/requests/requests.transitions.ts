import { eq } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, type FieldProblem } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import type { NotificationKind } from '../notifications/mail-catalog.ts';
import type { Notifier } from '../notifications/notifications.service.ts';
import type { RequestDetail, TransitionBody } from './requests.contract.ts';
import { checkEligibility } from './requests.eligibility-service.ts';
import { type Audience, notifyAbout } from './requests.notify.ts';
import { assertTransition, type TransitionName, transitions } from './requests.policy.ts';
import { selectDetailParts } from './requests.queries.ts';
import { getRequest, loadVisible, type VisibleRequest } from './requests.service.ts';
import { requestMessages, requests, requestTransitions } from './requests.table.ts';

/** Who hears of each step, and under which notification. */
const announcements: Record<TransitionName, { kind: NotificationKind; audiences: Audience[] }> = {
  submit: { kind: 'request.submitted', audiences: ['officers', 'partners'] },
  'start-screening': { kind: 'request.screening', audiences: ['partners'] },
  'ask-clarification': { kind: 'request.clarification', audiences: ['partners'] },
  resubmit: { kind: 'request.resubmitted', audiences: ['officers', 'partners'] },
  'send-to-steering': { kind: 'request.steering_review', audiences: ['steering', 'partners'] },
  approve: { kind: 'request.approved', audiences: ['partners', 'officers', 'steering'] },
  decline: { kind: 'request.declined', audiences: ['partners', 'officers', 'steering'] },
  withdraw: { kind: 'request.withdrawn', audiences: ['officers', 'partners'] },
};

/** A request is ready to submit when the facility can screen it. */
async function assertComplete(db: Db, visible: VisibleRequest) {
  const { row, relations, access } = visible;
  const parts = await selectDetailParts(db, row.id);
  const problems: FieldProblem[] = [];
  if (!access.requestingInstitutionId)
    problems.push({ field: 'requestingInstitutionId', message: 'is required' });
  if (!relations.countryRows.length)
    problems.push({ field: 'countries', message: 'name at least one country' });
  if (!relations.topicRows.length) problems.push({ field: 'topics', message: 'name at least one topic' });
  if (!row.problem.trim()) problems.push({ field: 'problem', message: 'describe the problem' });
  if (!row.expectedChange.trim())
    problems.push({ field: 'expectedChange', message: 'describe the change you want' });
  if (!parts.targetGroups.length)
    problems.push({ field: 'targetGroups', message: 'name at least one target group' });
  if (problems.length) {
    throw new AppError(
      'REQUEST_INCOMPLETE',
      `The request cannot be submitted yet: ${problems.map((p) => `${p.field} (${p.message})`).join(', ')}`,
      problems,
    );
  }
}

function reasonOf(name: TransitionName, body: Record<string, string | undefined>): string | null {
  switch (name) {
    case 'ask-clarification':
      return body.question ?? null;
    case 'resubmit':
      return body.answer ?? null;
    case 'send-to-steering':
      return body.note ?? null;
    case 'approve':
    case 'decline':
    case 'withdraw':
      return body.reason ?? null;
    default:
      return null;
  }
}

/** Moves a request one step along its lifecycle: checks, records, tells; all or nothing. */
export async function transitionRequest<N extends TransitionName>(
  db: Db,
  notifier: Notifier,
  actor: Actor | null,
  id: string,
  name: N,
  body: TransitionBody[N],
  expectedVersion: number | null,
): Promise<RequestDetail> {
  const me = requireActor(actor);
  const fields = body as Record<string, string | undefined>;
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    const { row, access } = visible;
    assertTransition(me, access, name);
    if (expectedVersion !== null && expectedVersion !== row.version)
      throw staleVersion('The request', row.version);
    if (name === 'submit') await assertComplete(tx, visible);
    if (name === 'send-to-steering' && (!row.assessment.trim() || !row.recommendation)) {
      throw new AppError(
        'REQUEST_ASSESSMENT_MISSING',
        'Write the assessment and the recommendation before sending the request to the steering committee',
        [{ field: 'assessment', message: 'is required with a recommendation' }],
      );
    }
    const to = transitions[name].to;
    const now = new Date();
    const reason = reasonOf(name, fields);
    const decided = name === 'approve' || name === 'decline';
    await tx
      .update(requests)
      .set({
        status: to,
        statusChangedAt: now,
        updatedAt: now,
        version: row.version + 1,
        ...(name === 'submit' ? { submittedAt: now } : {}),
        ...(decided
          ? { decidedAt: now, decisionReason: reason, steeringNotes: fields.notes ?? row.steeringNotes }
          : {}),
      })
      .where(eq(requests.id, id));
    await tx
      .insert(requestTransitions)
      .values({ requestId: id, fromStatus: row.status, toStatus: to, actorId: me.id, reason });
    if (name === 'ask-clarification' && reason) {
      await tx
        .insert(requestMessages)
        .values({ requestId: id, authorId: me.id, kind: 'question', body: reason });
    }
    if (name === 'resubmit' && reason) {
      await tx
        .insert(requestMessages)
        .values({ requestId: id, authorId: me.id, kind: 'answer', body: reason });
    }
    if (name === 'submit' || name === 'resubmit') await checkEligibility(tx, id);
    await recordAudit(tx, {
      actorId: me.id,
      event: `request.${name}`,
      entityType: 'request',
      entityId: id,
      changes: { from: row.status, to, ...(reason && name !== 'send-to-steering' ? { reason } : {}) },
    });
    const { kind, audiences } = announcements[name];
    const alsoSteering: Audience[] =
      name === 'withdraw' && row.status === 'steering_review' ? ['steering'] : [];
    await notifyAbout(
      tx,
      notifier,
      me,
      { id, number: row.number, title: row.title, access },
      kind,
      [...audiences, ...alsoSteering],
      {
        // The note that goes with the request to the committee is internal; other reasons are shared.
        reason: name === 'send-to-steering' ? null : reason,
      },
    );
  });
  notifier.afterCommit();
  return getRequest(db, me, id);
}
