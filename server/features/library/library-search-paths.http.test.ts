import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../kernel/db/database.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actions } from '../actions/actions.table.ts';
import { deliverables } from '../deliverables/deliverables.table.ts';
import { publiclyAvailable } from '../deliverables/public-work.ts';
import { LIBRARY_CANDIDATES, LIBRARY_MATCHES, libraryQuery } from './library.contract.ts';
import { tsQueryOf } from './library.queries.ts';
import { readLibrary } from './library.service.ts';

// A search finds its matches by walking the newest documents when its words are common among them,
// and through the word index otherwise (library.queries.ts). Whichever way, the answer must be the
// one the rule gives, written here plainly: the newest matches of the language and type asked for
// that the reader may read, the newest hundred of them ranked.
//
// 300 documents published on 300 days (written in another order than their dates), in English and
// Spanish, three types, one in ten not public. "alpha" is in every one (a walk: it fills the probe),
// "beta" in one in fifteen (a walk too without filters), "gamma" in three (the word index).
const DOCUMENTS = 300;
const TYPES = ['handbook', 'guidelines', 'protocol'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const [action] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from actions where code = 'peru-ii'`,
  );
  for (let i = 0; i < DOCUMENTS; i++) {
    const day = (i * 7) % DOCUMENTS;
    const language = i % 2 === 0 ? 'en' : 'es';
    const config = language === 'en' ? 'english' : 'spanish';
    const body = [
      ...Array.from({ length: 1 + (i % 4) }, () => 'alpha'),
      i % 15 === 0 ? 'beta' : '',
      [5, 150, 290].includes(i) ? 'gamma' : '',
      `filler${i}`,
    ].join(' ');
    await t.database.db.execute(sql`
      with inserted as (
        insert into deliverables (action_id, type, title, languages, status, visibility, published_at)
        values (${action?.id}, ${TYPES[i % TYPES.length]}, ${JSON.stringify({ [language]: `Document ${i}` })}::jsonb,
                array[${language}], 'published', ${i % 10 === 3 ? 'internal' : 'public'},
                timestamptz '2019-01-01' + ${day} * interval '1 day')
        returning id, published_at)
      insert into library_documents (deliverable_id, version_number, language, text_config, body, extraction, search, published_at)
      select id, 1, ${language}, ${config}, ${body}, 'extracted', setweight(to_tsvector(${config}::regconfig, ${body}), 'D'), published_at
        from inserted`);
  }
});
afterAll(() => t.close());

/** The answer the rule gives, from the full search documents, without bounds but the rule's. */
async function expected(query: { q: string; type?: string; language?: string; page?: number }) {
  const q = tsQueryOf(query.q, query.language);
  const rows = await queryRows<{ id: string }>(
    t.database.db,
    sql`with newest as (
          select l.deliverable_id as id, l.published_at, ${deliverables.type} as type
            from library_documents l
            join ${deliverables} on ${deliverables.id} = l.deliverable_id
            join ${actions} on ${actions.id} = ${deliverables.actionId}
           where ${publiclyAvailable} and l.search @@ (${q})
             and (${query.language ?? null}::text is null or l.language = ${query.language ?? null})
             and (${query.type ?? null}::text is null or ${deliverables.type}::text = ${query.type ?? null})
           order by l.published_at desc, l.deliverable_id
           limit ${LIBRARY_MATCHES}),
        candidates as (select * from newest order by published_at desc, id limit ${LIBRARY_CANDIDATES + 1})
        select c.id from candidates c join library_documents l on l.deliverable_id = c.id
         order by ts_rank(l.search, (${q})) desc, c.published_at desc, c.id`,
  );
  const ranked = rows.slice(0, LIBRARY_CANDIDATES).map((row) => row.id);
  const page = query.page ?? 1;
  return {
    ids: ranked.slice((page - 1) * 10, page * 10),
    total: ranked.length,
    more: rows.length > LIBRARY_CANDIDATES,
  };
}

async function found(query: { q: string; type?: string; language?: string; page?: number }) {
  const answer = await readLibrary(t.database.db, 'public', libraryQuery.parse(query), 'en');
  return { ids: answer.items.map((item) => item.id), total: answer.total, more: answer.totalIsLowerBound };
}

describe('a search walks the newest documents or reads the word index, with one answer', () => {
  it('answers common and rare words, with and without filters, as the rule says', async () => {
    const searches = [
      { q: 'alpha' },
      { q: 'alpha', page: 3 },
      { q: 'alpha', type: 'handbook' },
      { q: 'alpha', language: 'es', page: 2 },
      { q: 'alpha', language: 'es', type: 'handbook' },
      { q: 'beta', language: 'en', type: 'guidelines' },
      { q: 'beta' },
      { q: 'beta', type: 'guidelines' },
      { q: 'gamma' },
      { q: 'alpha gamma' },
      { q: 'alpha -beta', language: 'en' },
      { q: 'beta or gamma', type: 'protocol' },
    ];
    for (const search of searches) {
      const want = await expected(search);
      expect(await found(search), JSON.stringify(search)).toEqual(want);
    }
    // The searches above reach both ends: a full page of a hundred candidates, and a handful.
    expect((await expected({ q: 'alpha' })).more).toBe(true);
    expect((await expected({ q: 'gamma' })).total).toBe(3);
  });
});

describe('the years a reader may filter by', () => {
  it('are the years of what the public may read, with or without words', async () => {
    // An internal handbook published long before the others: staff may read it, the public may not.
    const [action] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from actions where code = 'peru-ii'`,
    );
    await t.database.db.execute(sql`
      with inserted as (
        insert into deliverables (action_id, type, title, languages, status, visibility, published_at)
        values (${action?.id}, 'handbook', '{"en": "Old internal handbook"}'::jsonb, array['en'], 'published',
                'internal', timestamptz '2010-06-01')
        returning id, published_at)
      insert into library_documents (deliverable_id, version_number, language, text_config, body, extraction, search, published_at)
      select id, 1, 'en', 'english', 'alpha', 'extracted', to_tsvector('english', 'alpha'), published_at from inserted`);
    const [range] = await queryRows<{ first: number; last: number }>(
      t.database.db,
      sql`select min(extract(year from l.published_at))::int as first, max(extract(year from l.published_at))::int as last
            from library_documents l
            join ${deliverables} on ${deliverables.id} = l.deliverable_id
            join ${actions} on ${actions.id} = ${deliverables.actionId}
           where ${publiclyAvailable}`,
    );
    const years: number[] = [];
    for (let year = Number(range?.last); year >= Number(range?.first); year--) years.push(year);
    expect(years).toContain(2019);
    expect(years).not.toContain(2010);
    for (const query of [{}, { q: 'alpha' }, { q: 'alpha', language: 'es' }]) {
      const answer = await readLibrary(t.database.db, 'public', libraryQuery.parse(query), 'en');
      expect(answer.years, JSON.stringify(query)).toEqual(years);
    }
  });
});
