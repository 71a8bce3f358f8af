import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import { AppError, type FieldProblem } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import {
  actionsOfRequests,
  actionsRequestedBy,
  ongoingActionsOverlapping,
} from '../actions/actions.for-requests.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { countries, regions, topics } from '../taxonomy/taxonomy.table.ts';
import type { EligibilitySettingsBody } from './requests.contract.ts';
import { type EligibilityFacts, evaluateEligibility, type MandateSettings } from './requests.eligibility.ts';
import { OPEN_STATUSES } from './requests.policy.ts';
import {
  eligibilitySettings,
  requestCountries,
  requestInstitutions,
  requests,
  requestTopics,
} from './requests.table.ts';

/** The mandate as configured, or the default: every region but the EU's, every topic. */
export async function readMandate(db: Db): Promise<MandateSettings & { version: number }> {
  const [row] = await db.select().from(eligibilitySettings).where(eq(eligibilitySettings.id, 1));
  if (row) {
    const { regions, countries, excludedCountries, topics, version } = row;
    return { regions, countries, excludedCountries, topics, version };
  }
  const [regionRows, topicRows] = await inTurn([
    () => db.select({ code: regions.code }).from(regions),
    () => db.select({ code: topics.code }).from(topics),
  ]);
  return {
    regions: regionRows.map((r) => r.code).filter((code) => code !== 'eu'),
    countries: [],
    excludedCountries: [],
    topics: topicRows.map((t) => t.code),
    version: 0,
  };
}

export async function getEligibilitySettings(db: Db, actor: Actor | null) {
  const me = requireRole(actor, ['admin', 'officer', 'steering']);
  void me;
  return readMandate(db);
}

export async function saveEligibilitySettings(
  db: Db,
  actor: Actor | null,
  version: number,
  input: EligibilitySettingsBody,
) {
  const me = requireRole(actor, ['admin']);
  const problems: FieldProblem[] = [];
  const check = async (
    field: string,
    values: string[],
    table: typeof regions | typeof countries | typeof topics,
  ) => {
    if (values.length === 0) return;
    const found = (await db.select({ code: table.code }).from(table).where(inArray(table.code, values))).map(
      (r) => r.code,
    );
    for (const value of values)
      if (!found.includes(value)) problems.push({ field, message: `${value} does not exist` });
  };
  await check('regions', input.regions, regions);
  await check('countries', input.countries, countries);
  await check('excludedCountries', input.excludedCountries, countries);
  await check('topics', input.topics, topics);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', `${problems[0]?.field}: ${problems[0]?.message}`, problems);
  return db.transaction(async (tx) => {
    const current = await readMandate(tx);
    if (current.version !== version) throw staleVersion('The eligibility settings', current.version);
    const values = { ...input, version: version + 1, updatedAt: new Date() };
    await tx
      .insert(eligibilitySettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: eligibilitySettings.id, set: values });
    await recordAudit(tx, {
      actorId: me.id,
      event: 'eligibility_settings.update',
      entityType: 'eligibility_settings',
      changes: { ...input, version: version + 1 },
    });
    return { ...input, version: version + 1 };
  });
}

/** Gathers what the rules look at, for one request, from this feature and from the actions feature. */
export async function gatherFacts(db: Db, requestId: string): Promise<EligibilityFacts> {
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!request) throw new Error(`no request ${requestId}`);
  const [countryRows, topicRows, institutionRows, ownAction] = await inTurn([
    () =>
      db
        .select({ code: countries.code, regionCode: countries.regionCode })
        .from(requestCountries)
        .innerJoin(countries, eq(countries.code, requestCountries.countryCode))
        .where(eq(requestCountries.requestId, requestId)),
    () =>
      db
        .select({ code: requestTopics.topicCode })
        .from(requestTopics)
        .where(eq(requestTopics.requestId, requestId)),
    () =>
      db
        .select({
          id: institutions.id,
          name: institutions.name,
          type: institutions.type,
          role: requestInstitutions.role,
        })
        .from(requestInstitutions)
        .innerJoin(institutions, eq(institutions.id, requestInstitutions.institutionId))
        .where(eq(requestInstitutions.requestId, requestId)),
    () => actionsOfRequests(db, [requestId]).then((map) => map.get(requestId)?.id),
  ]);
  const topicCodes = topicRows.map((t) => t.code);
  const countryCodes = countryRows.map((c) => c.code);
  const institutionIds = institutionRows.map((i) => i.id);
  const requestingIds = institutionRows.filter((i) => i.role === 'requesting').map((i) => i.id);

  const sameInstitutionOrCountry = sql`(
    exists (select 1 from ${requestInstitutions} ri where ri.request_id = ${requests.id} and ri.institution_id in ${institutionIds.length ? institutionIds : ['00000000-0000-0000-0000-000000000000']})
    or exists (select 1 from ${requestCountries} rc where rc.request_id = ${requests.id} and rc.country_code in ${countryCodes.length ? countryCodes : ['--']}))`;
  const [overlappingActions, overlappingRequests, earlierActions, earlierRequests] = await inTurn([
    () => ongoingActionsOverlapping(db, { institutionIds, countryCodes, topicCodes }),
    () =>
      topicCodes.length
        ? db
            .select({ number: requests.number, title: requests.title, status: requests.status })
            .from(requests)
            .where(
              and(
                ne(requests.id, requestId),
                inArray(requests.status, OPEN_STATUSES),
                sameInstitutionOrCountry,
                sql`exists (select 1 from ${requestTopics} rt where rt.request_id = ${requests.id} and rt.topic_code in ${topicCodes})`,
              ),
            )
            .orderBy(requests.number)
        : Promise.resolve([]),
    () => actionsRequestedBy(db, requestingIds),
    () =>
      requestingIds.length
        ? db
            .select({ number: requests.number, title: requests.title, status: requests.status })
            .from(requests)
            .where(
              and(
                lt(requests.number, request.number),
                ne(requests.status, 'draft'),
                sql`exists (select 1 from ${requestInstitutions} ri where ri.request_id = ${requests.id} and ri.role = 'requesting' and ri.institution_id in ${requestingIds})`,
              ),
            )
            .orderBy(requests.number)
        : Promise.resolve([]),
  ]);
  return {
    countries: countryRows,
    topics: topicCodes,
    institutions: institutionRows,
    overlappingActions: overlappingActions.filter((a) => a.id !== ownAction),
    overlappingRequests,
    earlierActions: earlierActions.filter((a) => a.id !== ownAction),
    earlierRequests,
  };
}

/** Evaluates the rules and keeps their results on the request, as the officer will see them. */
export async function checkEligibility(tx: Db, requestId: string) {
  const [facts, mandate] = await inTurn([() => gatherFacts(tx, requestId), () => readMandate(tx)]);
  const results = evaluateEligibility(facts, mandate);
  await tx
    .update(requests)
    .set({ eligibility: results, eligibilityCheckedAt: new Date() })
    .where(eq(requests.id, requestId));
  return results;
}

export const canReadMandate = (actor: Actor) => isStaff(actor) || actor.role === 'steering';
