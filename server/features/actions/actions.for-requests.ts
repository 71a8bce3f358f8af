import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { actionRequests } from './action-requests.table.ts';
import { ONGOING_STATUSES } from './actions.scope.ts';
import {
  type ActionStatus,
  actionCountries,
  actionInstitutions,
  actions,
  actionTopics,
} from './actions.table.ts';

// What the requests feature needs to know about Actions, and the one way it makes them. The actions
// feature keeps its tables to itself; requests call these functions.

export interface ActionSummary {
  id: string;
  name: string;
  status: ActionStatus;
  topics: string[];
  countries: string[];
}

async function summaries(db: Db, ids: string[]): Promise<ActionSummary[]> {
  if (ids.length === 0) return [];
  const [rows, topicRows, countryRows] = await inTurn([
    () =>
      db
        .select({ id: actions.id, name: actions.name, status: actions.status, sequence: actions.sequence })
        .from(actions)
        .where(inArray(actions.id, ids))
        .orderBy(asc(actions.sequence), asc(actions.name)),
    () => db.select().from(actionTopics).where(inArray(actionTopics.actionId, ids)),
    () => db.select().from(actionCountries).where(inArray(actionCountries.actionId, ids)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    topics: topicRows.filter((t) => t.actionId === row.id).map((t) => t.topicCode),
    countries: countryRows.filter((c) => c.actionId === row.id).map((c) => c.countryCode),
  }));
}

/** Ongoing Actions (design to closing) of these institutions or in these countries, on one of these topics. */
export async function ongoingActionsOverlapping(
  db: Db,
  where: { institutionIds: string[]; countryCodes: string[]; topicCodes: string[] },
): Promise<ActionSummary[]> {
  if (where.topicCodes.length === 0) return [];
  const sameInstitutionOrCountry = or(
    where.institutionIds.length
      ? sql`exists (select 1 from ${actionInstitutions} where ${actionInstitutions.actionId} = ${actions.id} and ${inArray(actionInstitutions.institutionId, where.institutionIds)})`
      : sql`false`,
    where.countryCodes.length
      ? sql`exists (select 1 from ${actionCountries} where ${actionCountries.actionId} = ${actions.id} and ${inArray(actionCountries.countryCode, where.countryCodes)})`
      : sql`false`,
  );
  const rows = await db
    .select({ id: actions.id })
    .from(actions)
    .where(
      and(
        inArray(actions.status, ONGOING_STATUSES),
        sameInstitutionOrCountry,
        sql`exists (select 1 from ${actionTopics} where ${actionTopics.actionId} = ${actions.id} and ${inArray(actionTopics.topicCode, where.topicCodes)})`,
      ),
    );
  return summaries(
    db,
    rows.map((r) => r.id),
  );
}

/** The Actions these institutions requested, oldest first: an institution's history with the facility. */
export async function actionsRequestedBy(db: Db, institutionIds: string[]): Promise<ActionSummary[]> {
  if (institutionIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: actionInstitutions.actionId })
    .from(actionInstitutions)
    .where(
      and(
        inArray(actionInstitutions.institutionId, institutionIds),
        eq(actionInstitutions.role, 'requesting'),
      ),
    );
  return summaries(
    db,
    rows.map((r) => r.id),
  );
}

/** A request's Action, as `actionsOfRequestsJson` lists them. */
export type ActionOfRequest = { requestId: string; id: string; name: string; status: ActionStatus };

/**
 * The Actions some requests became, as a JSON array that PostgreSQL builds (`requestIds` is a
 * parenthesised list), for a statement that reads everything a page of requests shows at once.
 * Each Action is read by its key: joined, the planner may hash all of them for a page.
 */
export function actionsOfRequestsJson(requestIds: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('requestId', ar.request_id, 'id', a.id,
      'name', a.name, 'status', a.status))
    from ${actionRequests} ar
    cross join lateral (select * from ${actions} a where a.id = ar.action_id offset 0) a
    where ar.request_id in ${requestIds}), '[]')`;
}

/** The Action each of these requests became, if any. */
export async function actionsOfRequests(
  db: Db,
  requestIds: string[],
): Promise<Map<string, { id: string; name: string; status: ActionStatus }>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .select({
      requestId: actionRequests.requestId,
      id: actions.id,
      name: actions.name,
      status: actions.status,
    })
    .from(actionRequests)
    .innerJoin(actions, eq(actions.id, actionRequests.actionId))
    .where(inArray(actionRequests.requestId, requestIds));
  return new Map(rows.map(({ requestId, ...action }) => [requestId, action]));
}

/** The request an Action was made from, for the Action's page. */
export async function requestOfAction(db: Db, actionId: string): Promise<string | null> {
  const [row] = await db
    .select({ requestId: actionRequests.requestId })
    .from(actionRequests)
    .where(eq(actionRequests.actionId, actionId));
  return row?.requestId ?? null;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function romanNumeral(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sequence after the highest of the Actions named `base` or `base` and a roman numeral. */
export function nextSequence(base: string, existing: { name: string; sequence: number }[]): number {
  const pattern = new RegExp(`^${escapeRegExp(base)}(?: [IVXLCDM]+)?$`);
  const taken = existing.filter((a) => pattern.test(a.name)).map((a) => a.sequence);
  return taken.length ? Math.max(...taken) + 1 : 1;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A country's English name, as Actions are named ("Peru III"). */
export async function countryBaseName(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ name: countries.name }).from(countries).where(eq(countries.code, code));
  return row?.name ?? code;
}

/** The name a network's Actions go by: that of its latest Action without the numeral, else its own. */
export async function networkBaseName(
  db: Db,
  institution: { id: string; name: string; acronym: string | null },
): Promise<string> {
  const earlier = await actionsRequestedBy(db, [institution.id]);
  const latest = earlier.at(-1);
  if (latest) return latest.name.replace(/ [IVXLCDM]+$/, '');
  return institution.acronym ?? institution.name;
}

export interface NewActionFromRequest {
  requestId: string;
  /** "Peru" for a country, the network's name for a regional network. */
  baseName: string;
  /** A country's Actions are numbered from I; a network's first Action bears its name alone. */
  kind: 'country' | 'network';
  title: LocalizedText;
  summary: LocalizedText;
  countryCodes: string[];
  topicCodes: string[];
  institutions: { id: string; role: 'requesting' | 'beneficiary' }[];
}

/**
 * Makes the Action an approved request becomes: in design, named by its base and the next number
 * (after Peru II comes Peru III), linked to the request. Call inside the request's transaction.
 */
export async function createActionFromRequest(tx: Db, input: NewActionFromRequest) {
  const existing = await tx
    .select({ name: actions.name, sequence: actions.sequence, code: actions.code })
    .from(actions)
    .where(or(eq(actions.name, input.baseName), like(actions.name, `${input.baseName} %`)));
  const sequence = nextSequence(input.baseName, existing);
  const name =
    input.kind === 'network' && sequence === 1
      ? input.baseName
      : `${input.baseName} ${romanNumeral(sequence)}`;
  let code = slug(`${input.baseName} ${romanNumeral(sequence)}`) || 'action';
  const codes = await tx
    .select({ code: actions.code })
    .from(actions)
    .where(like(actions.code, `${code}%`));
  if (codes.some((c) => c.code === code)) code = `${code}-${codes.length + 1}`;

  const [action] = await tx
    .insert(actions)
    .values({ code, name, sequence, title: input.title, summary: input.summary, status: 'design' })
    .returning({ id: actions.id, name: actions.name, code: actions.code });
  if (!action) throw new Error('the Action was not inserted');
  const actionId = action.id;
  if (input.countryCodes.length) {
    await tx
      .insert(actionCountries)
      .values(input.countryCodes.map((countryCode) => ({ actionId, countryCode })));
  }
  if (input.topicCodes.length) {
    await tx.insert(actionTopics).values(input.topicCodes.map((topicCode) => ({ actionId, topicCode })));
  }
  if (input.institutions.length) {
    await tx
      .insert(actionInstitutions)
      .values(input.institutions.map((i) => ({ actionId, institutionId: i.id, role: i.role })))
      .onConflictDoNothing();
  }
  await tx.insert(actionRequests).values({ actionId, requestId: input.requestId });
  return action;
}
