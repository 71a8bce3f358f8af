import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { cachedCount } from '../../kernel/cache/cached-count.ts';
import { type Db, pageOf, queryRowsPrepared } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import { storedFiles } from '../../kernel/files/files.table.ts';
import { type ActionOfRequest, actionsOfRequestsJson } from '../actions/actions.for-requests.ts';
import { institutions } from '../institutions/institutions.table.ts';
import type { RequestListItem } from './requests.contract.ts';
import {
  type RequestStatus,
  requestAttachments,
  requestCountries,
  requestInstitutions,
  requestLanguages,
  requests,
  requestTargetGroups,
  requestTopics,
} from './requests.table.ts';

export type RequestRow = typeof requests.$inferSelect;

export interface RequestCriteria {
  statuses?: RequestStatus[];
  country?: string;
  topic?: string;
  channel?: RequestRow['channel'];
  q?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function requestWhere(scope: SQL | undefined, criteria: RequestCriteria): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scope];
  if (criteria.statuses) conditions.push(inArray(requests.status, criteria.statuses));
  if (criteria.channel) conditions.push(eq(requests.channel, criteria.channel));
  if (criteria.country) {
    conditions.push(
      sql`exists (select 1 from ${requestCountries} where ${requestCountries.requestId} = ${requests.id} and ${requestCountries.countryCode} = ${criteria.country})`,
    );
  }
  if (criteria.topic) {
    conditions.push(
      sql`exists (select 1 from ${requestTopics} where ${requestTopics.requestId} = ${requests.id} and ${requestTopics.topicCode} = ${criteria.topic})`,
    );
  }
  if (criteria.q) {
    const pattern = `%${escapeLike(criteria.q)}%`;
    const asNumber = /^#?\d{1,9}$/.test(criteria.q) ? Number(criteria.q.replace('#', '')) : null;
    // The matching ids as a union of indexed look-ups (trigram indexes on the title and the
    // institutions' names, migration 0021): an OR across tables would read every request instead.
    const byNumber =
      asNumber === null
        ? sql``
        : sql` union select id from ${requests} where ${requests.number} = ${asNumber}`;
    conditions.push(
      sql`${requests.id} in (
        select id from ${requests} where ${requests.title} ilike ${pattern}
        union select ${requestInstitutions.requestId} from ${requestInstitutions}
          join ${institutions} on ${institutions.id} = ${requestInstitutions.institutionId}
          where ${institutions.name} ilike ${pattern} or ${institutions.acronym} ilike ${pattern}${byNumber})`,
    );
  }
  return and(...conditions);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const wholeDays = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

/** When the first of these listed requests' days in their state goes up by one (ms since the epoch). */
export function nextDayInState(items: RequestListItem[]): number {
  return Math.min(...items.map((item) => Date.parse(item.statusChangedAt) + (item.daysInState + 1) * DAY_MS));
}

type InstitutionRow = InstitutionLink & { requestId: string };
type CountryRow = { requestId: string; countryCode: string };
type TopicRow = { requestId: string; topicCode: string };

export type InstitutionLink = {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  countryCode: string | null;
  role: 'requesting' | 'joint';
};

/** The institutions, countries and topics of some requests, and the Actions they became. */
export async function selectRelations(db: Db, ids: string[]) {
  if (ids.length === 0) {
    return { institutionRows: [], countryRows: [], topicRows: [], actionByRequest: new Map() };
  }
  // The three link tables and the Actions in one statement (PostgreSQL builds the rows as JSON),
  // prepared: its text takes one form per number of requests on a page (at most the page size).
  // Each institution is read by its key (a lateral subquery the planner keeps as it is): joined, it
  // hashes all the institutions for a page of 25.
  const [links] = await queryRowsPrepared<{
    institutions: InstitutionRow[];
    countries: CountryRow[];
    topics: TopicRow[];
    actions: ActionOfRequest[];
  }>(
    db,
    sql`select
          coalesce((select json_agg(json_build_object('requestId', ri.request_id, 'role', ri.role, 'id', i.id,
              'name', i.name, 'acronym', i.acronym, 'type', i.type, 'countryCode', i.country_code) order by i.name)
            from ${requestInstitutions} ri
            cross join lateral (select * from ${institutions} i where i.id = ri.institution_id offset 0) i
            where ri.request_id in ${ids}), '[]') as institutions,
          coalesce((select json_agg(json_build_object('requestId', c.request_id, 'countryCode', c.country_code)
              order by c.country_code)
            from ${requestCountries} c where c.request_id in ${ids}), '[]') as countries,
          coalesce((select json_agg(json_build_object('requestId', t.request_id, 'topicCode', t.topic_code)
              order by t.topic_code)
            from ${requestTopics} t where t.request_id in ${ids}), '[]') as topics,
          ${actionsOfRequestsJson(sql`${ids}`)} as actions`,
  );
  const {
    institutions: institutionRows = [],
    countries: countryRows = [],
    topics: topicRows = [],
    actions: actionRows = [],
  } = links ?? {};
  const actionByRequest = new Map(actionRows.map(({ requestId, ...action }) => [requestId, action]));
  return { institutionRows, countryRows, topicRows, actionByRequest };
}

export type Relations = Awaited<ReturnType<typeof selectRelations>>;

export function institutionsOf(relations: Relations, requestId: string): InstitutionLink[] {
  return relations.institutionRows
    .filter((row) => row.requestId === requestId)
    .map(({ requestId: _r, ...institution }) => institution);
}

/** The columns a list item shows (a request's texts are long and only its page shows them). */
export const listedRequestColumns = {
  id: requests.id,
  number: requests.number,
  title: requests.title,
  status: requests.status,
  channel: requests.channel,
  submittedAt: requests.submittedAt,
  decidedAt: requests.decidedAt,
  statusChangedAt: requests.statusChangedAt,
};
type ListedRequestRow = Pick<RequestRow, keyof typeof listedRequestColumns>;

export function presentListItem(
  row: ListedRequestRow,
  relations: Relations,
  now = new Date(),
): RequestListItem {
  const linked = institutionsOf(relations, row.id);
  const requesting = linked.find((i) => i.role === 'requesting');
  const action = relations.actionByRequest.get(row.id) ?? null;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    channel: row.channel,
    requestingInstitution: requesting
      ? {
          id: requesting.id,
          name: requesting.name,
          acronym: requesting.acronym,
          type: requesting.type,
          countryCode: requesting.countryCode,
        }
      : null,
    countries: relations.countryRows.filter((c) => c.requestId === row.id).map((c) => c.countryCode),
    topics: relations.topicRows.filter((t) => t.requestId === row.id).map((t) => t.topicCode),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    daysInState: wholeDays(row.statusChangedAt, now),
    daysToDecision: row.decidedAt && row.submittedAt ? wholeDays(row.submittedAt, row.decidedAt) : null,
    action,
  };
}

/** One page of requests, newest first, with their relations. */
export async function selectRequestPage(db: Db, where: SQL | undefined, page: number, pageSize: number) {
  const [rows, total] = await inTurn([
    () =>
      pageOf(
        db
          .select(listedRequestColumns)
          .from(requests)
          .where(where)
          .orderBy(desc(requests.statusChangedAt), desc(requests.number)),
        page,
        pageSize,
      ),
    () => cachedCount(db, requests, where),
  ]);
  const relations = await selectRelations(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => presentListItem(row, relations)), total };
}

/** What only the detail page shows: target groups, working languages, attachments. */
export async function selectDetailParts(db: Db, requestId: string) {
  const [targetGroups, languages, files] = await inTurn([
    () =>
      db
        .select({
          description: requestTargetGroups.description,
          estimatedNumber: requestTargetGroups.estimatedNumber,
        })
        .from(requestTargetGroups)
        .where(eq(requestTargetGroups.requestId, requestId))
        .orderBy(asc(requestTargetGroups.sortOrder)),
    () =>
      db
        .select({ code: requestLanguages.languageCode })
        .from(requestLanguages)
        .where(eq(requestLanguages.requestId, requestId))
        .orderBy(asc(requestLanguages.languageCode)),
    () =>
      db
        .select({
          id: storedFiles.id,
          name: storedFiles.originalName,
          mediaType: storedFiles.mediaType,
          size: storedFiles.size,
          kind: requestAttachments.kind,
          createdAt: requestAttachments.createdAt,
        })
        .from(requestAttachments)
        .innerJoin(storedFiles, eq(storedFiles.id, requestAttachments.fileId))
        .where(eq(requestAttachments.requestId, requestId))
        .orderBy(asc(requestAttachments.createdAt)),
  ]);
  return {
    targetGroups,
    workingLanguages: languages.map((l) => l.code),
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
  };
}
