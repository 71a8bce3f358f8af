import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { actionCountries, actions, actionTopics } from '../actions/actions.table.ts';
import { deliverables } from '../deliverables/deliverables.table.ts';
import {
  LIBRARY_CANDIDATES,
  LIBRARY_COUNT_CAP,
  LIBRARY_MATCHES,
  LIBRARY_PAGE_SIZE,
  type LibraryQuery,
} from './library.contract.ts';
import { libraryDocuments } from './library.table.ts';
import { ALL_TEXT_CONFIGS, textConfigOf } from './library-languages.ts';

/** Marks around the matched words in a snippet: private-use characters that no extracted text keeps. */
export const MARK_START = '\ue000';
export const MARK_END = '\ue001';
/** Snippets are cut from the beginning of the text, so that a long handbook costs no more than a note. */
const HEADLINE_CHARS = 30_000;
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

export type LibraryRow = {
  id: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  type: (typeof deliverables.$inferSelect)['type'];
  visibility: string;
  action_id: string;
  action_name: string;
  action_status: string;
  language: string;
  extraction: string;
  version_number: number | null;
  published_on: string;
  snippet: string | null;
};

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The query in the configuration of the language asked for; without one, in each configuration
 * (OR), since every document's words were stemmed in its own language.
 */
export function tsQueryOf(text: string, language: string | undefined): SQL {
  const configs = language ? [textConfigOf(language)] : ALL_TEXT_CONFIGS;
  return sql.join(
    configs.map((config) => sql`websearch_to_tsquery(${config}::regconfig, ${text})`),
    sql` || `,
  );
}

/** Filters on the library's own rows (applied with the index match). */
function documentFiltersOf(query: LibraryQuery): SQL | undefined {
  return and(
    query.language ? eq(libraryDocuments.language, query.language) : undefined,
    query.year
      ? sql`${libraryDocuments.publishedAt} >= make_timestamptz(${query.year}, 1, 1, 0, 0, 0, 'UTC')
        and ${libraryDocuments.publishedAt} < make_timestamptz(${query.year + 1}, 1, 1, 0, 0, 0, 'UTC')`
      : undefined,
  );
}

/** Filters on the deliverable and its Action. */
function workFiltersOf(query: LibraryQuery): SQL | undefined {
  return and(
    query.type ? eq(deliverables.type, query.type) : undefined,
    query.topic
      ? sql`exists (select 1 from ${actionTopics} where ${actionTopics.actionId} = ${actions.id} and ${actionTopics.topicCode} = ${query.topic})`
      : undefined,
    query.country
      ? sql`exists (select 1 from ${actionCountries} where ${actionCountries.actionId} = ${actions.id} and ${actionCountries.countryCode} = ${query.country})`
      : undefined,
  );
}

function filtersOf(query: LibraryQuery): SQL | undefined {
  return and(documentFiltersOf(query), workFiltersOf(query));
}

const joined = sql`${libraryDocuments}
  join ${deliverables} on ${deliverables.id} = ${libraryDocuments.deliverableId}
  join ${actions} on ${actions.id} = ${deliverables.actionId}`;

const details = sql`
  d.id, d.title, d.summary, d.type, d.visibility, a.id as action_id, a.name as action_name,
  a.status as action_status, l.language, l.extraction, l.version_number,
  to_char(l.published_at at time zone 'UTC', 'YYYY-MM-DD') as published_on`;

/**
 * One page of the library for a caller whose reach is `scope` (a condition on deliverables and
 * actions). With words to search for, the newest LIBRARY_CANDIDATES matches (GIN index, then the
 * publication order) are ranked by relevance, so that a word found in most documents costs no
 * more than a rare one; snippets are made for the page's documents only. Without words, newest first.
 */
export async function searchLibrary(db: Db, scope: SQL | undefined, query: LibraryQuery) {
  const words = query.q?.trim() ? query.q.trim() : undefined;
  const where = and(scope, filtersOf(query));
  const offset = (query.page - 1) * LIBRARY_PAGE_SIZE;
  // The first and last years of publication within the reader's scope: an index walk from each end.
  const yearsQuery = sql`select
      (select extract(year from ${libraryDocuments.publishedAt})::int from ${joined} where ${scope ?? sql`true`}
        order by ${libraryDocuments.publishedAt} asc, ${libraryDocuments.deliverableId} limit 1) as first,
      (select extract(year from ${libraryDocuments.publishedAt})::int from ${joined} where ${scope ?? sql`true`}
        order by ${libraryDocuments.publishedAt} desc, ${libraryDocuments.deliverableId} limit 1) as last`;

  if (!words) {
    const countQuery = sql`select count(*)::int as total from (select 1 from ${joined}
      where ${where ?? sql`true`} limit ${LIBRARY_COUNT_CAP + 1}) s`;
    const pageQuery = sql`with page as (
          select ${libraryDocuments.deliverableId} as id, ${libraryDocuments.publishedAt} as published_at
            from ${joined} where ${where ?? sql`true`}
           order by ${libraryDocuments.publishedAt} desc, ${libraryDocuments.deliverableId}
           limit ${LIBRARY_PAGE_SIZE} offset ${offset})
        select ${details}, null as snippet
          from page p
          join library_documents l on l.deliverable_id = p.id
          join deliverables d on d.id = l.deliverable_id
          join actions a on a.id = d.action_id
         order by p.published_at desc, p.id`;
    return db.transaction(async (tx) => {
      await boundPlans(tx);
      const [count] = await rows<{ total: number }>(tx, countQuery);
      const page = await rows<LibraryRow>(tx, pageQuery);
      const [years] = await rows<{ first: number | null; last: number | null }>(tx, yearsQuery);
      return found(page, Number(count?.total ?? 0), false, years);
    });
  }

  const tsQuery = tsQueryOf(words, query.language);
  // Bounded work whatever the word: the matches come from the GIN index alone (narrow rows, no
  // search document read); the newest LIBRARY_MATCHES of them are checked against the reader's
  // scope and the other filters, one primary-key lookup each; the newest LIBRARY_CANDIDATES that
  // pass have their search documents read to be ranked, and the page's texts to make snippets.
  const documentFilters = documentFiltersOf(query);
  const statement = sql`with matched as materialized (
        select ${libraryDocuments.deliverableId} as id, ${libraryDocuments.publishedAt} as published_at
          from ${libraryDocuments}
         where ${libraryDocuments.search} @@ (${tsQuery})${documentFilters ? sql` and ${documentFilters}` : sql``}),
      newest as (select id, published_at from matched order by published_at desc, id limit ${LIBRARY_MATCHES}),
      scoped as materialized (
        select n.id, n.published_at from newest n
          join ${deliverables} on ${deliverables.id} = n.id
          join ${actions} on ${actions.id} = ${deliverables.actionId}
         where ${and(scope, workFiltersOf(query)) ?? sql`true`}),
      candidates as (select id, published_at from scoped order by published_at desc, id limit ${LIBRARY_CANDIDATES}),
      ranked as (
        select c.id, c.published_at, ts_rank(l.search, ${tsQuery}) as rank
          from candidates c join library_documents l on l.deliverable_id = c.id
         order by rank desc, c.published_at desc, c.id
         limit ${LIBRARY_PAGE_SIZE} offset ${offset}),
      page as (
        select ${details}, r.rank, r.published_at as sort_date,
          ts_headline(l.text_config::regconfig, left(l.body, ${HEADLINE_CHARS}),
            websearch_to_tsquery(l.text_config::regconfig, ${words}), ${HEADLINE_OPTIONS}) as snippet
          from ranked r
          join library_documents l on l.deliverable_id = r.id
          join deliverables d on d.id = l.deliverable_id
          join actions a on a.id = d.action_id)
    select (select count(*)::int from (select 1 from scoped limit ${LIBRARY_COUNT_CAP + 1}) s) as total,
           (select count(*)::int from (select 1 from matched limit ${LIBRARY_MATCHES + 1}) s) as matches,
           (select coalesce(json_agg(p order by p.rank desc, p.sort_date desc, p.id), '[]'::json) from page p) as items`;
  const { result, years } = await db.transaction(async (tx) => {
    await boundPlans(tx);
    const [answer] = await rows<{ total: number; matches: number; items: LibraryRow[] | string }>(
      tx,
      statement,
    );
    const [range] = await rows<{ first: number | null; last: number | null }>(tx, yearsQuery);
    return { result: answer, years: range };
  });
  const items =
    typeof result?.items === 'string' ? (JSON.parse(result.items) as LibraryRow[]) : result?.items;
  const total = Number(result?.total ?? 0);
  // Beyond the newest LIBRARY_MATCHES matches nothing is counted: the count is then a lower bound.
  const more = Number(result?.matches ?? 0) > LIBRARY_MATCHES;
  const shown = found(items ?? [], total, true, years);
  return { ...shown, totalIsLowerBound: shown.totalIsLowerBound || more };
}

/**
 * The planner counts the test of a search document as cheap; it is not (the document is read from
 * TOAST). For the library's statements, scans that test every row and joins that read whole tables
 * are ruled out (for the transaction only): the indexes find the rows, primary keys the rest, so the
 * work is bounded by the page, the candidates and the caps, not by the size of the library.
 */
async function boundPlans(tx: Db) {
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
    set_config('enable_mergejoin', 'off', true)`);
}

function found(
  page: LibraryRow[],
  total: number,
  ranked: boolean,
  years: { first: number | null; last: number | null } | undefined,
) {
  return {
    rows: page,
    total: Math.min(total, LIBRARY_COUNT_CAP),
    totalIsLowerBound: total > LIBRARY_COUNT_CAP,
    ranked,
    years: yearRange(years?.first ?? null, years?.last ?? null),
  };
}

function yearRange(first: number | null, last: number | null): number[] {
  if (first === null || last === null) return [];
  const years: number[] = [];
  for (let year = Number(last); year >= Number(first) && years.length < 50; year--) years.push(year);
  return years;
}

/** One document with its text, if `scope` reaches it. */
export async function selectLibraryDocument(db: Db, scope: SQL | undefined, id: string) {
  const [row] = await rows<LibraryRow & { body: string }>(
    db,
    sql`select ${details}, null as snippet, l.body
          from library_documents l
          join deliverables d on d.id = l.deliverable_id
          join actions a on a.id = d.action_id
         where l.deliverable_id = ${id} and (${scopeAliased(scope)})`,
  );
  return row;
}

/** The newest documents of some types (the field guide), if `scope` reaches them. */
export async function selectLibraryByTypes(
  db: Db,
  scope: SQL | undefined,
  types: readonly string[],
  limit: number,
) {
  return rows<LibraryRow>(
    db,
    sql`select ${details}, null as snippet
          from library_documents l
          join deliverables d on d.id = l.deliverable_id
          join actions a on a.id = d.action_id
         where d.type::text in (${sql.join(
           types.map((t) => sql`${t}`),
           sql`, `,
         )}) and (${scopeAliased(scope)})
         order by l.published_at desc, l.deliverable_id
         limit ${limit}`,
  );
}

/** A scope written on the tables' own names, for statements that alias them as l, d and a. */
function scopeAliased(scope: SQL | undefined): SQL {
  return scope
    ? sql`exists (select 1 from ${joined} where ${libraryDocuments.deliverableId} = l.deliverable_id and ${scope})`
    : sql`true`;
}
