import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireActor } from '../../kernel/auth/actor.ts';
import { type KeptRead, listKey } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, type FieldProblem, notFound } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { countries, thematicAreas, topics } from '../taxonomy/taxonomy.table.ts';
import type {
  CreateRequestBody,
  RequestDetail,
  RequestFormOptions,
  RequestListQuery,
  RequestPage,
  UpdateRequestBody,
} from './requests.contract.ts';
import {
  assertAssessable,
  assertCanAttach,
  assertCanCreateAction,
  assertCanWrite,
  assertEditable,
  canTransition,
  type RequestAccess,
  transitionNames,
} from './requests.policy.ts';
import {
  institutionsOf,
  nextDayInState,
  presentListItem,
  type RequestRow,
  requestWhere,
  selectDetailParts,
  selectRelations,
  selectRequestPage,
} from './requests.queries.ts';
import { requestScopeCondition, requestScopeFor, seesInternals } from './requests.scope.ts';
import {
  requestCountries,
  requestInstitutions,
  requestLanguages,
  requests,
  requestTargetGroups,
  requestTopics,
  requestTransitions,
} from './requests.table.ts';

export interface VisibleRequest {
  row: RequestRow;
  access: RequestAccess & { actionId: string | null };
  relations: Awaited<ReturnType<typeof selectRelations>>;
}

/** A request the caller may see, or 404: the same scope as the list, so the two always agree. */
export async function loadVisible(db: Db, actor: Actor, id: string, lock = false): Promise<VisibleRequest> {
  const where = and(eq(requests.id, id), requestScopeCondition(requestScopeFor(actor)));
  const query = db.select().from(requests).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Request');
  const relations = await selectRelations(db, [id]);
  const linked = institutionsOf(relations, id);
  return {
    row,
    relations,
    access: {
      status: row.status,
      requestingInstitutionId: linked.find((i) => i.role === 'requesting')?.id ?? null,
      jointInstitutionIds: linked.filter((i) => i.role === 'joint').map((i) => i.id),
      actionId: relations.actionByRequest.get(id)?.id ?? null,
    },
  };
}

/** The requests the caller may see, filtered and paginated; as a read the route may keep. */
export function requestListRead(db: Db, actor: Actor | null, query: RequestListQuery): KeptRead<RequestPage> {
  const me = requireActor(actor);
  const { status, page, pageSize, ...filters } = query;
  const where = requestWhere(requestScopeCondition(requestScopeFor(me)), {
    ...filters,
    statuses: status ? [status] : undefined,
  });
  return {
    key: listKey('requests', where, page, pageSize),
    read: async () => {
      const { items, total } = await selectRequestPage(db, where, page, pageSize);
      return { items, total, page, pageSize };
    },
    until: ({ items }) => nextDayInState(items),
  };
}

function allowedActions(actor: Actor, visible: VisibleRequest): RequestDetail['allowed'] {
  const { access } = visible;
  const allowed: RequestDetail['allowed'] = transitionNames.filter((name) =>
    canTransition(actor, access, name),
  );
  const can = (check: () => void) => {
    try {
      check();
      return true;
    } catch {
      return false;
    }
  };
  if (can(() => assertEditable(actor, access))) allowed.push('edit');
  if (can(() => assertAssessable(actor, access))) allowed.push('assess');
  if (can(() => assertCanCreateAction(actor, access))) allowed.push('create-action');
  if (can(() => assertCanWrite(actor, access))) allowed.push('write');
  if (can(() => assertCanAttach(actor, access))) allowed.push('attach');
  return allowed;
}

export async function presentDetail(db: Db, actor: Actor, visible: VisibleRequest): Promise<RequestDetail> {
  const { row, relations } = visible;
  const parts = await selectDetailParts(db, row.id);
  const detail: RequestDetail = {
    ...presentListItem(row, relations),
    language: row.language,
    jointInstitutions: institutionsOf(relations, row.id)
      .filter((i) => i.role === 'joint')
      .map(({ role: _role, ...institution }) => institution),
    thematicAreaCode: row.thematicAreaCode,
    problem: row.problem,
    expectedChange: row.expectedChange,
    preferredTiming: row.preferredTiming,
    earlierAssistance: row.earlierAssistance,
    ...parts,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    allowed: allowedActions(actor, visible),
  };
  if (seesInternals(actor)) {
    detail.assessment = row.assessment;
    detail.recommendation = row.recommendation;
    detail.steeringNotes = row.steeringNotes;
    detail.eligibility = row.eligibility;
    detail.eligibilityCheckedAt = row.eligibilityCheckedAt?.toISOString() ?? null;
  }
  return detail;
}

export async function getRequest(db: Db, actor: Actor | null, id: string): Promise<RequestDetail> {
  const me = requireActor(actor);
  return presentDetail(db, me, await loadVisible(db, me, id));
}

/** Refuses references that do not exist with a 400 naming the field, rather than a foreign-key 500. */
async function checkReferences(db: Db, input: UpdateRequestBody) {
  const problems: FieldProblem[] = [];
  const missing = async (field: string, table: 'countries' | 'topics' | 'institutions', values: string[]) => {
    if (values.length === 0) return;
    const found =
      table === 'countries'
        ? (await db.select({ v: countries.code }).from(countries).where(inArray(countries.code, values))).map(
            (r) => r.v,
          )
        : table === 'topics'
          ? (await db.select({ v: topics.code }).from(topics).where(inArray(topics.code, values))).map(
              (r) => r.v,
            )
          : (
              await db
                .select({ v: institutions.id })
                .from(institutions)
                .where(inArray(institutions.id, values))
            ).map((r) => r.v);
    for (const value of values)
      if (!found.includes(value)) problems.push({ field, message: `${value} does not exist` });
  };
  await missing('countries', 'countries', input.countries ?? []);
  await missing('topics', 'topics', input.topics ?? []);
  await missing('jointInstitutionIds', 'institutions', input.jointInstitutionIds ?? []);
  await missing(
    'requestingInstitutionId',
    'institutions',
    input.requestingInstitutionId ? [input.requestingInstitutionId] : [],
  );
  if (input.thematicAreaCode) {
    const [area] = await db
      .select()
      .from(thematicAreas)
      .where(eq(thematicAreas.code, input.thematicAreaCode));
    if (!area)
      problems.push({ field: 'thematicAreaCode', message: `${input.thematicAreaCode} does not exist` });
  }
  if (input.requestingInstitutionId && input.jointInstitutionIds?.includes(input.requestingInstitutionId)) {
    problems.push({ field: 'jointInstitutionIds', message: 'must not repeat the requesting institution' });
  }
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', `${problems[0]?.field}: ${problems[0]?.message}`, problems);
  }
}

/** Replaces the lists that the input names; a list left out stays as it was. */
async function writeRelations(
  tx: Db,
  requestId: string,
  input: UpdateRequestBody,
  requestingId: string | null,
) {
  if (input.requestingInstitutionId !== undefined || input.jointInstitutionIds !== undefined) {
    const current = await tx
      .select()
      .from(requestInstitutions)
      .where(eq(requestInstitutions.requestId, requestId));
    const requesting = input.requestingInstitutionId ?? requestingId;
    const joint =
      input.jointInstitutionIds ?? current.filter((c) => c.role === 'joint').map((c) => c.institutionId);
    await tx.delete(requestInstitutions).where(eq(requestInstitutions.requestId, requestId));
    const rows = [
      ...(requesting ? [{ requestId, institutionId: requesting, role: 'requesting' as const }] : []),
      ...[...new Set(joint)]
        .filter((id) => id !== requesting)
        .map((institutionId) => ({ requestId, institutionId, role: 'joint' as const })),
    ];
    if (rows.length) await tx.insert(requestInstitutions).values(rows);
  }
  if (input.countries) {
    await tx.delete(requestCountries).where(eq(requestCountries.requestId, requestId));
    const codes = [...new Set(input.countries)];
    if (codes.length)
      await tx.insert(requestCountries).values(codes.map((countryCode) => ({ requestId, countryCode })));
  }
  if (input.topics) {
    await tx.delete(requestTopics).where(eq(requestTopics.requestId, requestId));
    const codes = [...new Set(input.topics)];
    if (codes.length)
      await tx.insert(requestTopics).values(codes.map((topicCode) => ({ requestId, topicCode })));
  }
  if (input.targetGroups) {
    await tx.delete(requestTargetGroups).where(eq(requestTargetGroups.requestId, requestId));
    if (input.targetGroups.length) {
      await tx
        .insert(requestTargetGroups)
        .values(input.targetGroups.map((group, sortOrder) => ({ requestId, ...group, sortOrder })));
    }
  }
  if (input.workingLanguages) {
    await tx.delete(requestLanguages).where(eq(requestLanguages.requestId, requestId));
    const codes = [...new Set(input.workingLanguages)];
    if (codes.length)
      await tx.insert(requestLanguages).values(codes.map((languageCode) => ({ requestId, languageCode })));
  }
}

function scalarFields(input: UpdateRequestBody) {
  const {
    title,
    language,
    thematicAreaCode,
    problem,
    expectedChange,
    preferredTiming,
    earlierAssistance,
    channel,
  } = input;
  const fields = {
    title,
    language,
    thematicAreaCode,
    problem,
    expectedChange,
    preferredTiming,
    earlierAssistance,
    channel,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A partner drafts for its own institution through the web; an officer enters one that came otherwise. */
function creatorRules(actor: Actor, input: CreateRequestBody) {
  if (actor.role === 'partner') {
    if (!actor.institutionId)
      throw new AppError('REQUEST_ROLE_NOT_ALLOWED', 'This account belongs to no institution');
    if (input.requestingInstitutionId && input.requestingInstitutionId !== actor.institutionId) {
      throw new AppError(
        'REQUEST_NOT_YOUR_INSTITUTION',
        'A partner requests assistance for its own institution only',
        [{ field: 'requestingInstitutionId', message: 'must be your own institution' }],
      );
    }
    if (input.channel && input.channel !== 'partner_web') {
      throw new AppError(
        'REQUEST_ROLE_NOT_ALLOWED',
        'Only an officer records a request that came by letter, e-mail or an EU Delegation',
        [{ field: 'channel', message: 'must be partner_web for a partner' }],
      );
    }
    return { requestingInstitutionId: actor.institutionId, channel: 'partner_web' as const };
  }
  if (!isStaff(actor)) {
    throw new AppError(
      'REQUEST_ROLE_NOT_ALLOWED',
      'Requests are written by partner institutions, or entered by officers',
    );
  }
  const problems: FieldProblem[] = [];
  if (!input.requestingInstitutionId)
    problems.push({
      field: 'requestingInstitutionId',
      message: 'is required when an officer enters a request',
    });
  if (!input.channel)
    problems.push({
      field: 'channel',
      message: 'is required when an officer enters a request: letter, email, eu_delegation or partner_web',
    });
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', `${problems[0]?.field} ${problems[0]?.message}`, problems);
  return {
    requestingInstitutionId: input.requestingInstitutionId as string,
    channel: input.channel ?? 'letter',
  };
}

export async function createRequest(
  db: Db,
  actor: Actor | null,
  input: CreateRequestBody,
  defaultLanguage: string,
): Promise<RequestDetail> {
  const me = requireActor(actor);
  const origin = creatorRules(me, input);
  await checkReferences(db, { ...input, ...origin });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(requests)
      .values({
        ...scalarFields(input),
        title: input.title,
        language: input.language ?? defaultLanguage,
        channel: origin.channel,
        createdBy: me.id,
      })
      .returning({ id: requests.id, number: requests.number });
    if (!row) throw new Error('the request was not inserted');
    await writeRelations(
      tx,
      row.id,
      { ...input, requestingInstitutionId: origin.requestingInstitutionId },
      null,
    );
    await tx
      .insert(requestTransitions)
      .values({ requestId: row.id, fromStatus: null, toStatus: 'draft', actorId: me.id });
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.create',
      entityType: 'request',
      entityId: row.id,
      changes: { number: row.number, channel: origin.channel, fields: Object.keys(input) },
    });
    return row.id;
  });
  return getRequest(db, me, id);
}

export async function updateRequest(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
  input: UpdateRequestBody,
): Promise<RequestDetail> {
  const me = requireActor(actor);
  if (!isStaff(me) && (input.requestingInstitutionId !== undefined || input.channel !== undefined)) {
    throw new AppError(
      'REQUEST_ROLE_NOT_ALLOWED',
      'Only an officer changes the requesting institution or the channel',
    );
  }
  await checkReferences(db, input);
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, me, id, true);
    assertEditable(me, visible.access);
    const updated = await tx
      .update(requests)
      .set({ ...scalarFields(input), version: visible.row.version + 1, updatedAt: new Date() })
      .where(and(eq(requests.id, id), eq(requests.version, version)))
      .returning({ id: requests.id });
    if (updated.length === 0) {
      throw staleVersion('The request', visible.row.version);
    }
    await writeRelations(tx, id, input, visible.access.requestingInstitutionId);
    await recordAudit(tx, {
      actorId: me.id,
      event: 'request.update',
      entityType: 'request',
      entityId: id,
      changes: { fields: Object.keys(input), version: visible.row.version + 1 },
    });
  });
  return getRequest(db, me, id);
}

/** What the request form offers: the institutions that may request or join. */
export async function formOptions(db: Db, actor: Actor | null): Promise<RequestFormOptions> {
  const me = requireActor(actor);
  if (!isStaff(me) && me.role !== 'partner') {
    throw new AppError('REQUEST_ROLE_NOT_ALLOWED', 'Only partners and officers write requests');
  }
  const rows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      acronym: institutions.acronym,
      type: institutions.type,
      countryCode: institutions.countryCode,
    })
    .from(institutions)
    .orderBy(asc(institutions.name));
  return { institutions: rows };
}
