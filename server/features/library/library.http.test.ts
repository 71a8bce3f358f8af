import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocx } from '../../demo/demo-docx.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { actions } from '../actions/actions.table.ts';
import { deliverables } from '../deliverables/deliverables.table.ts';
import { publiclyAvailable } from '../deliverables/public-work.ts';

// The demo library: a Spanish handbook (Peru II), French and English aide-mémoires, Arabic SOPs in
// a Word file, a Portuguese protocol, all public; an assessment report for the Ghana partner only
// (it names the Akanu post) and an internal note (it names Hamile).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: SignedInHeaders, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as never });

type Item = { id: string; title: string; snippet: { text: string; mark: boolean }[]; [key: string]: unknown };
const search = async (query: string, headers: Record<string, string> = {}, base = '/api/public/library') => {
  const response = await get(`${base}?${query}`, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Item[]; total: number; order: string; years: number[] };
};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function deliverableOf(code: string, type: string): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`
    select d.id from deliverables d join actions a on a.id = d.action_id where a.code = ${code} and d.type = ${type}`);
  if (!row) throw new Error(`No demo ${type} of ${code}`);
  return row.id;
}

const PUBLIC_KEYS = [
  'action',
  'downloadUrl',
  'fieldGuide',
  'id',
  'language',
  'publishedOn',
  'snippet',
  'summary',
  'textAvailable',
  'title',
  'type',
  'typeName',
];

describe('searching the library in the documents’ own languages', () => {
  it('finds the Spanish handbook by inflected words of its body text, with the words marked', async () => {
    const handbook = await deliverableOf('peru-ii', 'handbook');
    // The body says "las personas rescatadas ... los albergues"; the query is in the singular.
    for (const query of ['q=albergue+rescatada', 'q=albergue+rescatada&language=es']) {
      const page = await search(query, { 'accept-language': 'es' });
      expect(page.order).toBe('relevance');
      expect(page.items.map((i) => i.id)).toEqual([handbook]);
      const [item] = page.items;
      expect(item?.title).toBe('Manual de protección y asistencia a víctimas de trata de personas');
      const marked = item?.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase());
      expect(marked).toEqual(expect.arrayContaining(['rescatadas', 'albergues']));
      expect(item?.snippet.map((p) => p.text).join('')).not.toMatch(/[\ue000\ue001]/);
    }
    // Its title in another language falls back to the original where there is no translation.
    const french = await search('q=albergues', { 'accept-language': 'fr' });
    expect(french.items[0]?.title).toBe('Manual de protección y asistencia a víctimas de trata de personas');
    const english = await search('q=albergues', { 'accept-language': 'en' });
    expect(english.items[0]?.title).toBe(
      'Handbook on the protection of and assistance to victims of trafficking in persons',
    );
  });

  it('stems French, Portuguese and Arabic, and reads the Arabic Word file', async () => {
    const cases = [
      ['q=passeur', 'niger-i', 'practical_notes'], // "Les passeurs le sont."
      ['q=registado', 'mozambique-i', 'protocol'], // "são registados"
      ['q=اتجار', 'iraq-i', 'standard_operating_procedures'], // "الاتجار بالبشر", in the .docx
    ] as const;
    for (const [query, code, type] of cases) {
      const page = await search(query);
      expect(
        page.items.map((i) => i.id),
        query,
      ).toContain(await deliverableOf(code, type));
    }
  });

  it('filters by type, language, country, topic and year, and lists newest first without words', async () => {
    const all = await search('');
    expect(all.order).toBe('recency');
    const dates = all.items.map((i) => i.publishedOn as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(all.years[0]).toBeGreaterThanOrEqual(2026);
    const notes = await search('type=practical_notes');
    expect(notes.items.length).toBe(2);
    for (const item of notes.items) {
      expect(item.type).toBe('practical_notes');
      expect(item.fieldGuide).toBe(true);
    }
    expect((await search('language=fr')).items.map((i) => i.language)).toEqual(['fr']);
    expect((await search('country=NE')).items.map((i) => i.id)).toEqual([
      await deliverableOf('niger-i', 'practical_notes'),
    ]);
    const som = (await search('topic=som')).items.map((i) => i.id);
    expect(som).toContain(await deliverableOf('pakistan-i', 'practical_notes'));
    expect(som).not.toContain(await deliverableOf('peru-ii', 'handbook'));
    expect((await search('year=2025')).items.map((i) => i.id)).toEqual([
      await deliverableOf('peru-ii', 'handbook'),
    ]);
    expect((await search('q=trafficking&year=2025&type=protocol')).items).toEqual([]);
  });

  it('finds a phrase only with its words in order, and in a signed-in library too', async () => {
    const handbook = await deliverableOf('peru-ii', 'handbook');
    // "Las personas rescatadas fueron acompañadas hasta los albergues ..."
    expect((await search(`q=${encodeURIComponent('"personas rescatadas"')}`)).items.map((i) => i.id)).toEqual(
      [handbook],
    );
    expect((await search(`q=${encodeURIComponent('"rescatadas personas"')}`)).items).toEqual([]);
    const officer = await t.signIn('officer@demo.tandem.test');
    const signedIn = (q: string) => search(`q=${encodeURIComponent(q)}`, officer, '/api/library');
    expect((await signedIn('"personas rescatadas"')).items.map((i) => i.id)).toEqual([handbook]);
    expect((await signedIn('"rescatadas personas"')).items).toEqual([]);
  });

  it('keeps the public’s reach in the search table equal to the rule of what the public may read', async () => {
    const publicIds = async () =>
      (
        await rows<{ id: string }>(sql`
          select l.deliverable_id as id from library_documents l
            join ${deliverables} on ${deliverables.id} = l.deliverable_id
            join ${actions} on ${actions.id} = ${deliverables.actionId}
           where ${publiclyAvailable} order by 1`)
      ).map((r) => r.id);
    const searchable = async () =>
      (
        await rows<{ id: string }>(
          sql`select deliverable_id as id from library_terms where public order by 1`,
        )
      ).map((r) => r.id);
    const handbook = await deliverableOf('peru-ii', 'handbook');
    expect(await searchable()).toEqual(await publicIds());
    expect(await searchable()).toContain(handbook);
    await t.database.db.execute(sql`update actions set status = 'suspended' where code = 'peru-ii'`);
    try {
      expect(await searchable()).toEqual(await publicIds());
      expect(await searchable()).not.toContain(handbook);
    } finally {
      await t.database.db.execute(sql`update actions set status = 'completed' where code = 'peru-ii'`);
    }
    await t.database.db.execute(sql`update deliverables set visibility = 'internal' where id = ${handbook}`);
    try {
      expect(await searchable()).toEqual(await publicIds());
    } finally {
      await t.database.db.execute(sql`update deliverables set visibility = 'public' where id = ${handbook}`);
    }
    expect(await searchable()).toEqual(await publicIds());
    expect(await searchable()).toContain(handbook);
  });

  it('answers very common words and refuses bad filters with the field named', async () => {
    for (const word of ['the', 'de', 'la', 'trafficking', '"border post"', 'victims -children']) {
      await search(`q=${encodeURIComponent(word)}`);
    }
    const bad = await get('/api/public/library?type=novel&year=99');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'year']));
    expect((await get('/api/public/library?unknown=1')).statusCode).toBe(400);
  });
});

describe('what the public never sees', () => {
  it('leaves out the partner’s report, the internal note and every unpublished deliverable', async () => {
    const report = await deliverableOf('ghana-ii', 'assessment_report');
    const note = await deliverableOf('ghana-i', 'legal_review');
    const unpublished = await rows<{ id: string }>(
      sql`select id from deliverables where status <> 'published'`,
    );
    expect(unpublished.length).toBeGreaterThan(0);
    const hidden = [report, note, ...unpublished.map((r) => r.id)];
    const everything: string[] = [];
    for (let page = 1; ; page++) {
      const result = await search(`page=${page}`);
      everything.push(...result.items.map((i) => i.id));
      if (result.items.length < 10) break;
    }
    expect(everything.length).toBeGreaterThanOrEqual(6);
    for (const id of hidden) expect(everything).not.toContain(id);
    for (const word of ['Akanu', 'Hamile', 'assessment', 'memorandum']) {
      const result = await search(`q=${word}`);
      for (const id of hidden)
        expect(
          result.items.map((i) => i.id),
          word,
        ).not.toContain(id);
    }
    for (const id of hidden) {
      expect((await get(`/api/public/library/${id}`)).statusCode).toBe(404);
    }
    const page = await get('/library?q=Akanu&lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('eastern border posts');
  });

  it('answers only the contract’s fields: no visibility, no extraction error, no text in a list', async () => {
    const { items } = await search('q=trafficking');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
  });

  it('drops a document the moment it is no longer public, and its Action’s status counts', async () => {
    const handbook = await deliverableOf('peru-ii', 'handbook');
    await t.database.db.execute(sql`update deliverables set visibility = 'partner' where id = ${handbook}`);
    try {
      expect((await search('q=albergues')).items).toEqual([]);
      expect((await get(`/api/public/library/${handbook}`)).statusCode).toBe(404);
    } finally {
      await t.database.db.execute(sql`update deliverables set visibility = 'public' where id = ${handbook}`);
    }
    await t.database.db.execute(sql`update actions set status = 'suspended' where code = 'peru-ii'`);
    try {
      expect((await search('q=albergues')).items).toEqual([]);
    } finally {
      await t.database.db.execute(sql`update actions set status = 'completed' where code = 'peru-ii'`);
    }
    expect((await search('q=albergues')).items.map((i) => i.id)).toEqual([handbook]);
  });
});

describe('the public’s searches, kept until the portfolio changes', () => {
  it('answers a search asked again from its kept copy, with a validator, and anew after a change', async () => {
    const spanish = { 'accept-language': 'es' };
    const url = '/api/public/library?q=albergues&language=es';
    const first = await get(url, spanish);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"portfolio-/);
    // The same search written another way is the same answer.
    const again = await get('/api/public/library?language=es&q=albergues&page=1', spanish);
    expect(again.headers.etag).toBe(etag);
    expect(again.body).toBe(first.body);
    expect((await get(url, { ...spanish, 'if-none-match': etag })).statusCode).toBe(304);
    // Another reader's language is another answer (titles and type names are translated).
    expect((await get(url, { 'accept-language': 'fr' })).headers.etag).not.toBe(etag);

    const handbook = await deliverableOf('peru-ii', 'handbook');
    const [{ title } = { title: {} }] = await rows<{ title: Record<string, string> }>(
      sql`select title from deliverables where id = ${handbook}`,
    );
    await t.database.db.execute(
      sql`update deliverables set title = ${JSON.stringify({ ...title, es: 'Manual revisado' })}::jsonb where id = ${handbook}`,
    );
    try {
      const changed = await get(url, { ...spanish, 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.json().items.map((i: Item) => i.title)).toEqual(['Manual revisado']);
    } finally {
      await t.database.db.execute(
        sql`update deliverables set title = ${JSON.stringify(title)}::jsonb where id = ${handbook}`,
      );
    }
  });
});

describe('the whole portfolio’s readers share their kept searches; a partner’s are its own', () => {
  it('keeps the staff’s and steering’s answer privately, and never gives it to a partner', async () => {
    const note = await deliverableOf('ghana-i', 'legal_review');
    const officer = await get('/api/library?q=Hamile', await t.signIn('officer@demo.tandem.test'));
    expect(officer.json().items.map((i: Item) => i.id)).toEqual([note]);
    expect(officer.headers['cache-control']).toBe('private, no-cache');
    const steering = await get('/api/library?q=Hamile', await t.signIn('steering@demo.tandem.test'));
    expect(steering.headers.etag).toBe(officer.headers.etag);
    expect(steering.body).toBe(officer.body);
    // The same search by a partner: computed for its reach, without the internal note.
    const partner = await get('/api/library?q=Hamile', await t.signIn('partner.ghana@demo.tandem.test'));
    expect(partner.statusCode).toBe(200);
    expect(partner.json().items).toEqual([]);
    expect(partner.headers.etag).toBeUndefined();
    // Nor is the staff's answer the public's.
    expect((await search('q=Hamile')).items).toEqual([]);
  });
});

describe('the library of a signed-in user', () => {
  it('adds what the role allows: the partner its own report, the staff the internal note', async () => {
    const report = await deliverableOf('ghana-ii', 'assessment_report');
    const note = await deliverableOf('ghana-i', 'legal_review');
    const ids = async (email: string, word: string) =>
      (await search(`q=${word}`, await t.signIn(email), '/api/library')).items.map((i) => i.id);
    expect(await ids('partner.ghana@demo.tandem.test', 'Akanu')).toEqual([report]);
    expect(await ids('partner.jordan@demo.tandem.test', 'Akanu')).toEqual([]);
    expect(await ids('partner.ghana@demo.tandem.test', 'Hamile')).toEqual([]);
    expect(await ids('officer@demo.tandem.test', 'Hamile')).toEqual([note]);
    // Public documents stay in everyone's library.
    expect(await ids('partner.jordan@demo.tandem.test', 'albergues')).toEqual([
      await deliverableOf('peru-ii', 'handbook'),
    ]);
    const ghana = await t.signIn('partner.ghana@demo.tandem.test');
    const [item] = (await search('q=Akanu', ghana, '/api/library')).items;
    expect(item?.downloadUrl).toMatch(new RegExp(`^/api/deliverables/${report}/versions/1/file$`));
    const file = await get(item?.downloadUrl as string, ghana);
    expect(file.statusCode).toBe(200);
    expect(
      (await get(`/api/library/${report}`, await t.signIn('partner.jordan@demo.tandem.test'))).statusCode,
    ).toBe(404);
    expect((await get('/api/library?q=Akanu')).statusCode).toBe(401);
  });
});

describe('text is read from the file when a deliverable is published', () => {
  async function publishWithFile(
    file: { name: string; bytes: Buffer },
    fields: { title: string; visibility: 'public' | 'internal'; language: string },
  ) {
    const officer = await t.signIn('officer@demo.tandem.test');
    const [action] = await rows<{ id: string }>(sql`select id from actions where code = 'ghana-iii'`);
    const created = await post(`/api/actions/${action?.id}/deliverables`, officer, {
      type: 'practical_notes',
      title: fields.title,
      summary: 'Notes for the officers on duty.',
      languages: [fields.language],
      visibility: fields.visibility,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const body = multipartBody({ changeNote: 'Final text', language: fields.language }, file);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/deliverables/${id}/versions`,
      headers: { ...officer, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    if (fields.visibility === 'public') {
      expect((await post(`/api/deliverables/${id}/submit-for-review`, officer)).statusCode).toBe(200);
      const partner = await t.signIn('partner.ghana@demo.tandem.test');
      expect((await post(`/api/deliverables/${id}/validate`, partner)).statusCode).toBe(200);
    } else {
      expect((await post(`/api/deliverables/${id}/validate`, officer)).statusCode).toBe(200);
    }
    const published = await post(`/api/deliverables/${id}/publish`, officer);
    expect(published.statusCode, published.body).toBe(200);
    return { id, officer };
  }

  it('reads a Word file, and the public finds the deliverable by its text at once', async () => {
    const bytes = demoDocx('Notes for the Paga crossing', [
      'Officers keep the arrivals register in duplicate at the Paga crossing.',
      'Unaccompanied children are handed over to the social welfare officer.',
    ]);
    const { id } = await publishWithFile(
      { name: 'paga.docx', bytes },
      { title: 'Notes for the Paga crossing', visibility: 'public', language: 'en' },
    );
    const page = await search('q=registers+duplicates');
    expect(page.items.map((i) => i.id)).toEqual([id]);
    const document = (await get(`/api/public/library/${id}`)).json();
    expect(document.textAvailable).toBe(true);
    expect(document.paragraphs).toContain(
      'Unaccompanied children are handed over to the social welfare officer.',
    );
    const [audit] = await rows<{ changes: { extraction: string } }>(sql`
      select changes from audit_events where event = 'library.index' and entity_id = ${id}`);
    expect(audit?.changes.extraction).toBe('extracted');
  });

  it('marks a word found far into a long text in its snippet', async () => {
    const filler = Array.from(
      { length: 120 },
      (_, i) => `Paragraph ${i + 1} describes the weekly roster of the officers on duty at the crossing.`,
    );
    const bytes = demoDocx('Roster notes for the Aflao crossing', [
      ...filler,
      'The Kwamikope ledger is kept in the duty room.',
    ]);
    const { id } = await publishWithFile(
      { name: 'roster.docx', bytes },
      { title: 'Roster notes for the Aflao crossing', visibility: 'public', language: 'en' },
    );
    const [item] = (await search('q=kwamikope')).items;
    expect(item?.id).toBe(id);
    expect(item?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['Kwamikope']);
  });

  it('lists a deliverable whose file gives no text by its title, records why, and never fails', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x41)]);
    const { id, officer } = await publishWithFile(
      { name: 'scan.pdf', bytes: broken },
      { title: 'Checklist for the Elubo post', visibility: 'internal', language: 'en' },
    );
    const page = await search('q=Elubo+checklist', officer, '/api/library');
    expect(page.items.map((i) => i.id)).toEqual([id]);
    expect(page.items[0]?.textAvailable).toBe(false);
    const [row] = await rows<{ extraction: string; extraction_error: string | null }>(sql`
      select extraction, extraction_error from library_documents where deliverable_id = ${id}`);
    expect(row?.extraction).toBe('failed');
    expect(row?.extraction_error).toBeTruthy();
    // Internal: the public does not find it.
    expect((await search('q=Elubo')).items).toEqual([]);
  });
});

describe('the library on the portal, before any script runs', () => {
  it('renders the search with its filters, marked snippets and download links', async () => {
    const handbook = await deliverableOf('peru-ii', 'handbook');
    const page = await get('/library?q=albergue+rescatada&lang=es');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form class="filters" action="/library" method="get"');
    expect(page.body).toContain(`href="/library/${handbook}"`);
    expect(page.body).toMatch(/<mark>albergues<\/mark>/);
    expect(page.body).toContain(`/api/public/deliverables/${handbook}/download`);
    expect(page.body).toContain('<html lang="es" dir="ltr">');
    const arabic = await get('/library?lang=ar');
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('المكتبة');
  });

  it('shows a guide’s text to read, lists the field guide, and links the manifest and the sitemap', async () => {
    const notes = await deliverableOf('niger-i', 'practical_notes');
    const document = await get(`/library/${notes}?lang=fr`);
    expect(document.statusCode).toBe(200);
    expect(document.body).toContain('Rappel : un migrant objet de trafic n’est pas un délinquant.');
    expect(document.body).toContain('<link rel="manifest" href="/manifest.webmanifest?lang=fr">');
    const guide = await get('/field-guide?lang=en');
    expect(guide.body).toContain(`href="/library/${notes}"`);
    expect(guide.body).not.toContain(await deliverableOf('peru-ii', 'handbook'));
    const manifest = await get('/manifest.webmanifest?lang=ar');
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.json()).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      display: 'standalone',
      name: 'دليل تاندم الميداني',
    });
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain('/library</loc>');
    expect(sitemap).toContain(`/library/${notes}</loc>`);
    expect((await get(`/library/${await deliverableOf('ghana-ii', 'assessment_report')}`)).statusCode).toBe(
      404,
    );
  });
});
