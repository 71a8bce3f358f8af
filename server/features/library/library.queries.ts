import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, literalNumber, queryRows, queryRowsPrepared } from '../../kernel/db/database.ts';
import { momentInYear } from '../../kernel/db/year-range.ts';
import { actionCountries, actions, actionTopics } from '../actions/actions.table.ts';
import { deliverables } from '../deliverables/deliverables.table.ts';
import {
  LIBRARY_CANDIDATES,
  LIBRARY_COUNT_CAP,
  LIBRARY_MATCHES,
  LIBRARY_PAGE_SIZE,
  type LibraryQuery,
} from './library.contract.ts';
import { libraryDocuments, libraryTerms } from './library.table.ts';
import { ALL_TEXT_CONFIGS, TEXT_CONFIGS, textConfigOf } from './library-languages.ts';

/** Marks around the matched words in a snippet: private-use characters that no extracted text keeps. */
export const MARK_START = '\ue000';
export const MARK_END = '\ue001';
/**
 * A snippet is made from a window of the text (making one costs in proportion to the text it reads):
 * HEADLINE_WINDOW characters from a little before the first place, within the first HEADLINE_CHARS,
 * where one of the query's stemmed words occurs (stems are nearly always the start of the words they
 * come from; lower case is looked for first, the text is lowered only when that fails); from the
 * beginning of the text when none is found there.
 */
const HEADLINE_CHARS = 30_000;
const HEADLINE_WINDOW = 800;
const HEADLINE_LEAD = 150;
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

/**
 * A language asked for, written into the statement when it is one of the facility's five (the code is
 * then one of five known strings), so that a prepared statement's plan, made once, uses that
 * language's own index of words (migration 0024); any other language is sent as a value.
 */
const languageOf = (language: string): SQL =>
  Object.hasOwn(TEXT_CONFIGS, language) ? sql.raw(`'${language}'`) : sql`${language}`;

/** Filters on the library's own rows (applied with the index match), on either library table. */
function documentFiltersOf(
  query: LibraryQuery,
  table: typeof libraryDocuments | typeof libraryTerms = libraryDocuments,
): SQL | undefined {
  return and(
    query.language ? sql`${table.language} = ${languageOf(query.language)}` : undefined,
    query.year ? momentInYear(table.publishedAt, query.year) : undefined,
  );
}

/**
 * The window of a document's text (alias l) that its snippet is made from: around the first
 * occurrence of one of the query's stemmed words (the lexemes of its tsquery in the document's own
 * configuration, quoted in its text), cut at a word boundary.
 */
function excerptOf(words: string): SQL {
  return sql`select case when f.at <= ${HEADLINE_LEAD} then left(l.body, ${HEADLINE_WINDOW})
      else regexp_replace(substr(l.body, f.at - ${HEADLINE_LEAD}, ${HEADLINE_WINDOW}), '^\\S*\\s+', '') end as excerpt
    from (select coalesce(min(coalesce(nullif(strpos(b.head, x.lexeme), 0), nullif(strpos(lower(b.head), x.lexeme), 0))), 1) as at
            from (select left(l.body, ${HEADLINE_CHARS}) as head offset 0) b,
                 regexp_matches(websearch_to_tsquery(l.text_config::regconfig, ${words})::text,
                   '''((?:[^'']|'''')+)''', 'g') m,
                 lateral (select replace(m[1], '''''', '''') as lexeme) x) f`;
}

/** Filters on the deliverable's Action: its topics and countries. */
function actionFiltersOf(query: LibraryQuery, actionId: SQL): SQL | undefined {
  return and(
    query.topic
      ? sql`exists (select 1 from ${actionTopics} where ${actionTopics.actionId} = ${actionId} and ${actionTopics.topicCode} = ${query.topic})`
      : undefined,
    query.country
      ? sql`exists (select 1 from ${actionCountries} where ${actionCountries.actionId} = ${actionId} and ${actionCountries.countryCode} = ${query.country})`
      : undefined,
  );
}

function filtersOf(query: LibraryQuery): SQL | undefined {
  return and(
    documentFiltersOf(query),
    query.type ? eq(deliverables.type, query.type) : undefined,
    actionFiltersOf(query, sql`${actions.id}`),
  );
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
 * actions; `publicReader` when it is the public's, which library_terms carries precomputed). With
 * words to search for, the newest LIBRARY_MATCHES matches are found in library_terms, the newest
 * LIBRARY_CANDIDATES of those in scope are ranked by relevance, so that a word found in most
 * documents costs no more than a rare one; snippets are made for the page's documents only.
 * Without words, newest first.
 */
export async function searchLibrary(
  db: Db,
  scope: SQL | undefined,
  query: LibraryQuery,
  publicReader = false,
) {
  const words = query.q?.trim() ? query.q.trim() : undefined;
  const where = and(scope, filtersOf(query));
  const offset = (query.page - 1) * LIBRARY_PAGE_SIZE;
  // The first and last years of publication within the reader's scope: an index walk from each end,
  // on library_terms for the public (which says what it may read), else joined to the scope's tables.
  const reach = publicReader
    ? {
        at: libraryTerms.publishedAt,
        id: libraryTerms.deliverableId,
        rows: sql`${libraryTerms} where ${libraryTerms.public}`,
      }
    : {
        at: libraryDocuments.publishedAt,
        id: libraryDocuments.deliverableId,
        rows: sql`${joined} where ${scope ?? sql`true`}`,
      };
  const yearOf = (direction: SQL) => sql`(select extract(year from ${reach.at})::int from ${reach.rows}
     order by ${reach.at} ${direction}, ${reach.id} limit 1)`;
  const years = sql`${yearOf(sql`asc`)} as first, ${yearOf(sql`desc`)} as last`;

  if (!words) {
    const statement = sql`with page as (
          select ${libraryDocuments.deliverableId} as id, ${libraryDocuments.publishedAt} as published_at
            from ${joined} where ${where ?? sql`true`}
           order by ${libraryDocuments.publishedAt} desc, ${libraryDocuments.deliverableId}
           limit ${LIBRARY_PAGE_SIZE} offset ${offset}),
        listed as (
          select ${details}, null as snippet, p.published_at as sort_date
            from page p
            join library_documents l on l.deliverable_id = p.id
            join deliverables d on d.id = l.deliverable_id
            join actions a on a.id = d.action_id)
      select (select count(*)::int from (select 1 from ${joined}
                where ${where ?? sql`true`} limit ${LIBRARY_COUNT_CAP + 1}) s) as total,
             (select coalesce(json_agg(p order by p.sort_date desc, p.id), '[]'::json) from listed p) as items,
             ${years}`;
    const answer = await db.transaction(async (tx) => {
      await tx.execute(sql`select ${boundPlans}`);
      const [result] = await queryRows<Answer>(tx, statement);
      return result;
    });
    return found(itemsOf(answer), Number(answer?.total ?? 0), false, answer);
  }

  // The public's statement joins nothing whole and needs no plan settings, so it runs on its own,
  // one round trip (each counts when the machine is busy); a signed-in reader's scope joins
  // deliverables and Actions, which the planner is kept from hashing whole (boundPlans).
  const statement = wordsStatement(
    scope,
    query,
    tsQueryOf(words, query.language),
    words,
    publicReader,
    years,
  );
  // The public's searches by words, language, year and type, the ones asked most, are prepared
  // statements: planned once on each connection (2.5 ms of the database's time a search). Their
  // plans are large (about 0.7 MB on each connection), so the forms are kept few: at most 28 (seven
  // languages, with or without a year, a type). The rest (a topic or a country, a signed-in reader's
  // scope) are planned each time.
  const prepared = publicReader && !query.topic && !query.country;
  const answer = publicReader
    ? (await (prepared ? queryRowsPrepared : queryRows)<Answer>(db, statement))[0]
    : await db.transaction(async (tx) => {
        await tx.execute(sql`select ${boundPlans}`);
        return (await queryRows<Answer>(tx, statement))[0];
      });
  // A search counts what it ranks: up to LIBRARY_CANDIDATES, "more than" beyond; and beyond the
  // newest LIBRARY_MATCHES matches nothing is checked, so the count is then a lower bound too.
  const total = Number(answer?.total ?? 0);
  const more = total > LIBRARY_CANDIDATES || Number(answer?.matches ?? 0) > LIBRARY_MATCHES;
  const shown = found(itemsOf(answer), Math.min(total, LIBRARY_CANDIDATES), true, answer);
  return { ...shown, totalIsLowerBound: more };
}

type Answer = {
  total: number;
  matches?: number;
  items: LibraryRow[] | string;
  first: number | null;
  last: number | null;
};

function itemsOf(answer: Answer | undefined): LibraryRow[] {
  if (!answer) return [];
  return typeof answer.items === 'string' ? (JSON.parse(answer.items) as LibraryRow[]) : answer.items;
}

/**
 * A phrase operator (<-> or <N>) in a tsquery's text. The parser never puts < or > in a lexeme, so
 * replacing these with & turns each phrase into "all of its words" and changes nothing else.
 */
const PHRASE_OPERATOR = '<(\\d+|-)>';

/**
 * How common the words are is read from the newest documents in reach, not from the planner's
 * statistics: words of one language that occur together (two common Arabic or English words) are
 * taken by the planner as independent, and it then fetched thousands of matches through the word
 * index (60 to 160 ms) where walking the newest documents finds enough in a few hundred rows (2 ms).
 * The newest PROBE_ROWS are tested; when enough of them match, the newest documents are walked in
 * date order until enough match, otherwise the matches come from the word index. A walk costs about
 * a third of what the index costs per row, and reads (matches needed) / (share that matches) rows; the
 * index reads every match. With a topic or country filter (checked on the matches) up to ten times more
 * matches are needed, so the walk is chosen only for commoner words. Both produce the same rows in
 * the same order.
 */
const PROBE_ROWS = 200;
const COMMON_IN_PROBE = { unfiltered: 6, filtered: 14 };

/**
 * The search. Every step reads rows only as far as the next one asks: `matched` produces the matches
 * newest first (a CTE's rows are read in the order its query makes them, here its ORDER BY), `scoped`
 * keeps those the reader may read and the filters accept, and stops at LIBRARY_CANDIDATES + 1; so a
 * word found in most documents reads a few hundred rows. Only when fewer pass is it known whether the
 * matches went beyond LIBRARY_MATCHES (the rest of `matched` is then counted, one row further).
 *
 * Bounded work whatever the word: the newest LIBRARY_MATCHES matches come from library_terms, either
 * by walking its publication-date index newest first and testing each row's words in the row (words
 * found in many of the newest documents: the walk stops after a few hundred rows), or from its GIN
 * index (rarer words: few rows to order); `common` chooses. For the public they are the newest
 * matches it may read (library_terms says which); for a signed-in reader, the newest matches are
 * checked against their scope, one primary-key lookup each. The language, year and type are part of
 * the match (library_terms has them, and an index walks each type newest first); the topic and
 * country apply to the matches. A phrase is matched as all of its words, then checked against the
 * full search documents of those bounded matches only. The newest LIBRARY_CANDIDATES that pass are
 * ranked, and snippets are made for the page only, each from a window of its text.
 *
 * The words are parsed once, when the statement runs (`query`), and the statement's text depends
 * only on which filters are given: it is prepared, and PostgreSQL plans each form once.
 */
function wordsStatement(
  scope: SQL | undefined,
  query: LibraryQuery,
  tsQuery: SQL,
  words: string,
  publicReader: boolean,
  years: SQL,
): SQL {
  const actionFilters = actionFiltersOf(query, publicReader ? sql`n.action_id` : sql`${actions.id}`);
  const q = sql`(select q from query)`;
  const allWords = sql`(select all_words from query)`;
  const phraseCheck = sql`(not (select phrase from query)
    or (select l.search from library_documents l where l.deliverable_id = n.id) @@ ${q})`;
  // For the public, its reach is known to library_terms: the newest matches are then the newest it
  // may read. The topics and countries apply to those (library_terms has their Action).
  const documentFilters =
    and(
      documentFiltersOf(query, libraryTerms),
      query.type ? eq(libraryTerms.type, query.type) : undefined,
      // Written as the column itself rather than compared with a value: a prepared statement's plan
      // then knows what share of rows it keeps, and the plan made once costs what a fresh one does.
      publicReader ? sql`${libraryTerms.public}` : undefined,
    ) ?? sql`true`;
  const newestFirst = sql`order by ${libraryTerms.publishedAt} desc, ${libraryTerms.deliverableId}`;
  // The walk's limit is a subquery, a value the planner does not know: it then plans for the first
  // tenth of the rows, as the walk reads them, and keeps the index's order. Written as a number, a
  // language and a type together (about 750 of their documents expected to match, fewer than the
  // limit) were planned as "fetch every document of the type and sort": 8,000 rows read where the
  // walk reads 600 (12 ms → 4.5 ms).
  const walkLimit = sql`(select ${literalNumber(LIBRARY_MATCHES + 1)})`;
  const matchColumns = sql`${libraryTerms.deliverableId} as id, ${libraryTerms.publishedAt} as published_at,
               ${libraryTerms.actionId} as action_id`;
  const scoped = publicReader
    ? sql`select n.id, n.published_at from newest n
         where ${and(actionFilters, phraseCheck)}`
    : sql`select n.id, n.published_at from newest n
          join ${deliverables} on ${deliverables.id} = n.id
          join ${actions} on ${actions.id} = ${deliverables.actionId}
         where ${and(scope, actionFilters, phraseCheck)}`;
  return sql`with query as materialized (
        select q, regexp_replace(q::text, ${PHRASE_OPERATOR}, '&', 'g')::tsquery as all_words,
               q::text ~ ${PHRASE_OPERATOR} as phrase
          from (select ${tsQuery} as q) parsed),
      common as materialized (
        select count(*) >= ${literalNumber(COMMON_IN_PROBE[actionFilters ? 'filtered' : 'unfiltered'])} as common
          from (select ${libraryTerms.words} as words from ${libraryTerms} where ${documentFilters}
                ${newestFirst} limit ${literalNumber(PROBE_ROWS)}) probe
         where probe.words @@ ${allWords}),
      matched as materialized (
        (select ${matchColumns} from ${libraryTerms}
          where (select common from common) and coalesce(${libraryTerms.words} @@ ${allWords}, false)
            and ${documentFilters}
          ${newestFirst} limit ${walkLimit})
        union all
        (select ${matchColumns} from ${libraryTerms}
          where not (select common from common) and ${libraryTerms.words} @@ ${allWords} and ${documentFilters}
          ${newestFirst} limit ${literalNumber(LIBRARY_MATCHES + 1)})),
      newest as (select * from matched limit ${literalNumber(LIBRARY_MATCHES)}),
      scoped as materialized (${scoped} limit ${literalNumber(LIBRARY_CANDIDATES + 1)}),
      candidates as (select id, published_at from scoped order by published_at desc, id limit ${literalNumber(LIBRARY_CANDIDATES)}),
      ranked as (
        select c.id, c.published_at, ts_rank(l.search, ${q}) as rank
          from candidates c join library_documents l on l.deliverable_id = c.id
         order by rank desc, c.published_at desc, c.id
         limit ${literalNumber(LIBRARY_PAGE_SIZE)} offset ${(query.page - 1) * LIBRARY_PAGE_SIZE}),
      page as (
        select ${details}, r.rank, r.published_at as sort_date,
          ts_headline(l.text_config::regconfig, w.excerpt, websearch_to_tsquery(l.text_config::regconfig, ${words}),
            ${HEADLINE_OPTIONS}) as snippet
          from ranked r
          join library_documents l on l.deliverable_id = r.id
          join deliverables d on d.id = l.deliverable_id
          join actions a on a.id = d.action_id
          cross join lateral (${excerptOf(words)}) w)
    select (select count(*)::int from scoped) as total,
           case when (select count(*) from scoped) <= ${literalNumber(LIBRARY_CANDIDATES)}
                then (select count(*)::int from matched) end as matches,
           (select coalesce(json_agg(p order by p.rank desc, p.sort_date desc, p.id), '[]'::json) from page p) as items,
           ${years}`;
}

/**
 * The planner counts the test of a search document as cheap; it is not when the document is read
 * from TOAST. For the library's statements, scans that test every row and joins that read whole
 * tables are ruled out (for the transaction only): the indexes find the rows, primary keys the rest,
 * so the work is bounded by the page, the candidates and the caps, not by the size of the library.
 */
const boundPlans = sql`set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
    set_config('enable_mergejoin', 'off', true)`;

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
  const [row] = await queryRows<LibraryRow & { body: string }>(
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
  return queryRows<LibraryRow>(
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
