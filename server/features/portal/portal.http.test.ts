import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

// The server-rendered public pages: what a search engine, a link preview or a reader without
// scripts receives in the first response, and what it must never receive.
let t: TestApp;
type Listed = { id: string; name: string; status: string; summary?: string };
let allActions: Listed[];

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.signIn('officer@demo.tandem.test');
  allActions = (
    await t.app.inject({
      method: 'GET',
      url: '/api/actions?pageSize=200',
      headers: { cookie: officer.cookie },
    })
  ).json().items;
});
afterAll(() => t.close());

const page = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { host: 'portal.example.org', ...headers } });

/** The text a reader sees: the markup without tags, scripts and the data block. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

const meta = (html: string, attribute: string, name: string) =>
  new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];

function dataBlock(html: string) {
  const json = /<script type="application\/json" id="tandem-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the page has no data block');
  return JSON.parse(json) as { language: string; queries: { queryKey: unknown[]; data?: unknown }[] };
}

const ghanaIII = () => {
  const action = allActions.find((a) => a.name === 'Ghana III');
  if (!action) throw new Error('Ghana III is missing from the demo');
  return action;
};

describe('the home page in the first response', () => {
  it('holds its content: heading, live counters, topic shares, events', async () => {
    const response = await page('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const stats = (await t.app.inject({ method: 'GET', url: '/api/public/stats' })).json();
    const html = response.body;
    const text = visibleText(html);
    expect(text).toContain('Technical assistance on migration, from peer to peer');
    expect(html).toMatch(
      new RegExp(`data-counter="ongoing"><dt>Ongoing Actions</dt><dd>${stats.ongoingActions}</dd>`),
    );
    expect(stats.activitiesHeld).toBeGreaterThan(0);
    expect(html).toMatch(
      new RegExp(`data-counter="activities"><dt>Activities held</dt><dd>${stats.activitiesHeld}</dd>`),
    );
    expect(html).toMatch(
      new RegExp(`data-counter="experts"><dt>Experts deployed</dt><dd>${stats.expertsDeployed}</dd>`),
    );
    expect(text).toMatch(/Trafficking in human beings 6 20%/);
    expect(text).toContain('Peer exchange: recognising victims of trafficking at entry points');
    expect(text).toContain(
      'Training handbook on investigating trafficking in human beings and preparing cases',
    );
    expect(text).not.toContain('Nothing has been published for general consultation yet.');
    expect(html).toContain('<img src="/api/public/map.svg"');
  });

  it('has a title, a description, canonical and hreflang links, and link-preview tags', async () => {
    const html = (await page('/')).body;
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(html).toContain('<title>Technical assistance on migration · Tandem</title>');
    expect(meta(html, 'name', 'description')).toMatch(/how a public institution can ask/);
    expect(html).toContain('<link rel="canonical" href="http://portal.example.org/?lang=en">');
    for (const lang of ['en', 'fr', 'es', 'pt', 'ar']) {
      expect(html).toContain(
        `<link rel="alternate" hreflang="${lang}" href="http://portal.example.org/?lang=${lang}">`,
      );
    }
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="http://portal.example.org/">');
    expect(meta(html, 'property', 'og:title')).toBe('Technical assistance on migration · Tandem');
    expect(meta(html, 'property', 'og:url')).toBe('http://portal.example.org/?lang=en');
    expect(meta(html, 'property', 'og:type')).toBe('website');
    expect(meta(html, 'property', 'og:locale')).toBe('en_GB');
  });

  it('runs no inline script on any page: the only script without a source is the JSON data block', async () => {
    const urls = ['/', '/actions', '/actions?status=all', `/actions/${ghanaIII().id}`, '/topics/thb'];
    for (const url of [...urls, '/regions/lac', '/map', '/events', '/request-assistance', '/?lang=ar']) {
      const scripts = (await page(url)).body.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag, url).toMatch(/type="application\/json"|src="/);
    }
    const html = (await page('/')).body;
    const data = dataBlock(html);
    expect(data.language).toBe('en');
    expect(data.queries.map((q) => q.queryKey[1])).toEqual(['stats', 'events', 'resources']);
    expect((await page('/')).headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('answers 304 to a reader who holds the current page', async () => {
    const first = await page('/');
    const again = await page('/', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(first.headers.vary).toMatch(/Accept-Language/);
  });
});

describe('languages', () => {
  it('renders Arabic right to left from ?lang=ar, with its own canonical address', async () => {
    const html = (await page('/?lang=ar')).body;
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(visibleText(html)).toContain('المساعدة الفنية في مجال الهجرة، من نظير إلى نظير');
    expect(visibleText(html)).toContain('الاتجار بالبشر');
    expect(html).toContain('<link rel="canonical" href="http://portal.example.org/?lang=ar">');
    expect(meta(html, 'property', 'og:locale')).toBe('ar_AR');
  });

  it('follows the stored choice (cookie), then Accept-Language', async () => {
    expect((await page('/', { cookie: 'tandem_lang=fr' })).body).toMatch(/<html lang="fr"/);
    expect((await page('/', { 'accept-language': 'es-PE,es;q=0.9' })).body).toMatch(/<html lang="es"/);
    expect((await page('/?lang=pt', { cookie: 'tandem_lang=fr' })).body).toMatch(/<html lang="pt"/);
  });

  it('switches language with a plain form: the same page, in the chosen language, kept for the next', async () => {
    const english = (await page('/')).body;
    // The switch is a form that reloads this page with ?lang=, labelled, with a button to send it.
    const form = /<form class="language-switch"[^>]*>[\s\S]*?<\/form>/.exec(english)?.[0] ?? '';
    expect(form).toMatch(/^<form [^>]*action="\/" method="get">/);
    expect(form).toContain('<label for="language-select">Language</label>');
    expect(form).toContain('<select id="language-select" name="lang">');
    expect(form).toMatch(/<button type="submit"[^>]*>Change language<\/button>/);
    expect(form).not.toContain('type="hidden"');

    const response = await page('/?lang=fr');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(visibleText(response.body)).toContain('L’assistance technique sur les migrations, de pair à pair');
    expect(visibleText(response.body)).toContain('Changer de langue');
    expect(response.body).toContain('<link rel="canonical" href="http://portal.example.org/?lang=fr">');
    expect(response.body).toContain(
      '<link rel="alternate" hreflang="x-default" href="http://portal.example.org/">',
    );
    // The choice is kept: a plain link to another page, with no ?lang=, comes in French too.
    const cookie = response.cookies.find((c) => c.name === 'tandem_lang');
    expect(cookie).toMatchObject({ value: 'fr', path: '/', sameSite: 'Lax' });
    expect(cookie?.httpOnly).not.toBe(true);
    const next = await page('/events', { cookie: `tandem_lang=${cookie?.value}` });
    expect(next.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(next.cookies).toEqual([]);

    const arabic = (await page('/?lang=ar', { cookie: 'tandem_lang=fr' })).body;
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
    expect(visibleText(arabic)).toContain('تغيير اللغة');
  });

  it('carries the page’s filters through the language form, and nothing else', async () => {
    const html = (await page('/actions?topic=thb&utm_source=x&lang=es')).body;
    const form = /<form class="language-switch"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toContain('action="/actions"');
    expect(form).toContain('<input type="hidden" name="topic" value="thb"/>');
    expect(form).not.toContain('utm_source');
    expect(form.match(/name="lang"/g)).toHaveLength(1);
    expect(html).toContain(
      '<link rel="canonical" href="http://portal.example.org/actions?topic=thb&amp;lang=es">',
    );
  });

  it('renders an unknown or repeated ?lang= in the reader’s own language, without remembering it', async () => {
    for (const url of ['/?lang=xx', '/?lang=', '/?lang=fr&lang=ar', '/?lang=%3Cscript%3E']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toMatch(/<html lang="en" dir="ltr">/);
      expect(response.cookies, url).toEqual([]);
    }
    const spanish = await page('/?lang=klingon', { 'accept-language': 'es' });
    expect(spanish.body).toMatch(/<html lang="es"/);
  });

  it('falls back to the original text of content not written in the reader’s language', async () => {
    // Ghana III's summary is written in English only.
    const html = (await page(`/actions/${ghanaIII().id}?lang=fr`)).body;
    expect(visibleText(html)).toContain('Détection, enquête et orientation des victimes');
    expect(visibleText(html)).toContain('Ghana Immigration Service asked for help');
  });
});

describe('the Actions list and an Action page', () => {
  it('filters the list from the address, before any script runs', async () => {
    const text = visibleText((await page('/actions?topic=thb&region=asia')).body);
    expect(text).toContain('2 ongoing Actions');
    expect(text).toContain('Thailand I');
    expect(text).toContain('Timor-Leste I');
    expect(text).not.toContain('Ghana III');
    const completed = visibleText((await page('/actions?status=completed&country=PE')).body);
    expect(completed).toContain('Peru I');
    expect(completed).toContain('Peru II');
    // Unknown or broken parameters are dropped rather than failing the page.
    expect((await page('/actions?page=abc&topic=NOT%20A%20CODE&utm_source=x')).statusCode).toBe(200);
  });

  it('shows an Action with its facts, the work it published, and article preview tags', async () => {
    const action = ghanaIII();
    const work = (await t.app.inject({ method: 'GET', url: `/api/public/actions/${action.id}` })).json();
    const html = (await page(`/actions/${action.id}`)).body;
    const text = visibleText(html);
    expect(html).toContain('<title>Ghana III · Tandem</title>');
    expect(meta(html, 'property', 'og:type')).toBe('article');
    expect(meta(html, 'name', 'description')).toMatch(/^Detecting, investigating and referring victims/);
    expect(text).toContain('Ghana Immigration Service (GIS), requesting institution');
    expect(work.activitiesByType.length).toBeGreaterThan(0);
    for (const { name } of work.activitiesByType) expect(text).toContain(name);
    expect(text).not.toContain('No activity has been reported yet.');
    expect(work.expertCountries.length).toBeGreaterThan(0);
    expect(text).not.toContain('No expert deployment has been reported yet.');
  });

  it('answers 404, rendered and not indexed, for an Action the public may not see or that does not exist', async () => {
    const hidden = allActions.filter((a) => ['design', 'cancelled', 'suspended'].includes(a.status));
    expect(hidden.length).toBeGreaterThan(0);
    for (const action of [...hidden, { id: '00000000-0000-4000-8000-000000000000', name: '' }]) {
      const response = await page(`/actions/${action.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('<meta name="robots" content="noindex">');
      expect(visibleText(response.body)).toContain('Not found');
    }
    expect((await page('/actions/not-a-uuid')).statusCode).toBe(404);
    expect((await page('/topics/no-such-topic')).statusCode).toBe(404);
  });
});

describe('what the portal never shows', () => {
  const publicPages = ['/', '/actions', '/actions?status=all&pageSize=200', '/map', '/events', '/topics/thb'];

  it('no Action in design, cancelled or suspended, on any page or in any data block', async () => {
    const hidden = allActions.filter((a) => ['design', 'cancelled', 'suspended'].includes(a.status));
    const regionPages = ['africa', 'asia', 'lac', 'south', 'east', 'eu'].map((code) => `/regions/${code}`);
    for (const url of [...publicPages, ...regionPages, '/sitemap.xml']) {
      const body = (await page(url)).body;
      for (const action of hidden) {
        expect(body, `${action.name} on ${url}`).not.toContain(action.id);
        expect(visibleText(body), `${action.name} on ${url}`).not.toMatch(new RegExp(`\\b${action.name}\\b`));
      }
    }
  });

  it('no private field: record versions, timestamps, partner ids, accounts, internal events', async () => {
    const action = ghanaIII();
    for (const url of [...publicPages, `/actions/${action.id}`]) {
      const body = (await page(url)).body;
      expect(body, url).not.toMatch(/"version"\s*:/);
      expect(body, url).not.toMatch(/"updatedAt"|"createdAt"|"passwordHash"|"email"/);
      expect(body, url).not.toMatch(/@demo\.tandem\.test/);
      expect(body, url).not.toContain('Internal: preparing');
      expect(body, url).not.toContain('Erik Expert-Demo');
    }
  });
});

describe('topic and region pages', () => {
  it('composes the trafficking page from the data: share, the four Ps, one highlight per ongoing Action', async () => {
    const topic = (await t.app.inject({ method: 'GET', url: '/api/public/topics/thb' })).json();
    const text = visibleText((await page('/topics/thb')).body);
    expect(text).toContain(
      `${topic.ongoingActions} of the facility's ${topic.allOngoingActions} ongoing Actions address this topic: 20%`,
    );
    expect(text).toContain(`${topic.ongoingActions} ways we fight trafficking`);
    for (const pillar of [
      'Prevention',
      'Protection and assistance to victims',
      'Prosecution',
      'Partnership',
    ]) {
      expect(text).toContain(pillar);
    }
    for (const highlight of topic.highlights) expect(text).toContain(`More about ${highlight.name}`);
    expect(text).toContain('Requested by Ghana Immigration Service.');
  });

  it('shows a region with its figures, map and countries', async () => {
    const html = (await page('/regions/lac')).body;
    expect(html).toContain('<img src="/api/public/map.svg?region=lac"');
    expect(visibleText(html)).toContain('Latin America and the Caribbean');
    expect(visibleText(html)).toContain('Peru');
    const region = (await t.app.inject({ method: 'GET', url: '/api/public/regions/lac' })).json();
    expect(html).toMatch(
      new RegExp(`data-counter="experts"><dt>Experts involved</dt><dd>${region.expertsDeployed}</dd>`),
    );
  });
});

describe('map, events, request pages', () => {
  it('gives the map an accessible table of the same figures', async () => {
    const figures = (await t.app.inject({ method: 'GET', url: '/api/public/countries' })).json();
    const html = (await page('/map')).body;
    expect(html).toMatch(/<img src="\/api\/public\/map.svg"[^>]*alt="World map: \d+ countries/);
    const rows = html.match(/<tr data-country="/g) ?? [];
    expect(rows).toHaveLength(figures.countries.length);
    expect(html).toContain('<tr data-country="PE"');
  });

  it('lists the awareness days and links the calendar feed', async () => {
    const html = (await page('/events')).body;
    const text = visibleText(html);
    expect(text).toContain('EU Anti-Trafficking Day');
    expect(text).toContain('Marked since 2007');
    expect(text).toContain('World Day against Trafficking in Persons');
    expect(text).toContain('International Migrants Day');
    expect(html).toContain('href="/api/public/events.ics?lang=en"');
  });

  it('explains how to request assistance and offers the account form', async () => {
    const html = (await page('/request-assistance')).body;
    expect(visibleText(html)).toContain('Who may request');
    expect(visibleText(html)).toContain('What happens next');
    expect(html).toMatch(/<input id="request-email"[^>]*type="email"/);
    expect(html).toContain('<option value="GH">Ghana</option>');
  });
});

describe('sitemap, robots and the map image', () => {
  it('lists every public page with its language versions', async () => {
    const response = await page('/sitemap.xml');
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    const xml = response.body;
    expect(xml).toContain('<loc>http://portal.example.org/</loc>');
    expect(xml).toContain('<loc>http://portal.example.org/topics/thb</loc>');
    expect(xml).toContain(`<loc>http://portal.example.org/actions/${ghanaIII().id}</loc>`);
    expect(xml).toContain('hreflang="ar" href="http://portal.example.org/events?lang=ar"');
  });

  it('lets crawlers read the portal but not the staff area', async () => {
    const robots = (await page('/robots.txt')).body;
    expect(robots).toContain('Disallow: /app/');
    expect(robots).toContain('Sitemap: http://portal.example.org/sitemap.xml');
  });

  it('draws the choropleth as SVG, for the world and for a region', async () => {
    const world = await page('/api/public/map.svg');
    expect(world.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(world.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 470"/);
    expect((world.body.match(/<path /g) ?? []).length).toBeGreaterThan(150);
    // Andorra (IberRed) is too small for the 1:110m shapes: a dot marks it.
    expect(world.body).toMatch(/<circle /);
    const region = await page('/api/public/map.svg?region=east');
    expect((region.body.match(/<path /g) ?? []).length).toBeLessThan(
      (world.body.match(/<path /g) ?? []).length,
    );
    expect((await page('/api/public/map.svg?region=nowhere')).statusCode).toBe(404);
    expect((await page('/api/public/map.svg?region=NOT%20A%20CODE')).statusCode).toBe(400);
  });
});
