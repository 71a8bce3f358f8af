import { gzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicStats } from '../server/features/public/public.contract.ts';
import {
  type Browser,
  collectPageProblems,
  hydrated,
  launchBrowser,
  newContext,
  type Page,
} from './harness.ts';

// Stories: a visitor on a slow phone reads the portal (even before its scripts run), narrows the
// Actions to trafficking in Asia, reads the trafficking page that writes itself from the data, and
// subscribes to the calendar of awareness days.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publicStats(): Promise<PublicStats> {
  return (await (await fetch(`${baseUrl}/api/public/stats`)).json()) as PublicStats;
}

/** Waits until the page holds no loader: the app has its data. */
const loaded = (page: Page) => page.waitForFunction(() => !document.querySelector('.loading'));

/** Logs a hydration mismatch, which would mean the server and the browser drew different pages. */
function collectHydrationErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /differed|hydrat/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

describe('the portal before its scripts run', () => {
  it('shows the figures, and filters the Actions with a plain form', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/');
    const stats = await publicStats();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Technical assistance on migration, from peer to peer',
    );
    expect(await page.locator('[data-counter="ongoing"] dd').textContent()).toBe(
      String(stats.ongoingActions),
    );
    expect(await page.title()).toBe('Technical assistance on migration · Tandem');

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByLabel('Topic').selectOption('thb');
    await page.getByLabel('Region').selectOption('asia');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/topic=thb/);
    const names = await page.getByRole('article').getByRole('heading').allTextContents();
    expect(names.sort()).toEqual(['Thailand I', 'Timor-Leste I']);
    await context.close();
  });
});

describe('a visitor on the portal', () => {
  it('reads the live counters and the share of trafficking, the page taken over without redrawing', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const hydration = collectHydrationErrors(page);
    const scripts: string[] = [];
    const gzipped: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.url());
      gzipped.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    const stats = await publicStats();
    expect(await page.locator('[data-counter="countries"] dd').textContent()).toBe(String(stats.countries));
    expect(await page.locator('[data-counter="activities"] dt').textContent()).toBe('Activities held');
    const table = page.getByRole('table', { name: 'Share of ongoing Actions by topic' });
    const thbRow = table.getByRole('row', { name: /Trafficking in human beings/ });
    const cells = await thbRow.getByRole('cell').allTextContents();
    const thb = stats.topics.find((topic) => topic.code === 'thb');
    expect(cells).toEqual([String(thb?.count), `${Math.round((thb?.share ?? -1) * 100)}%`]);
    // The staff app (its shell, its component library) is not part of a public page's download.
    expect(scripts.some((url) => url.includes('home-page'))).toBe(true);
    expect(scripts.filter((url) => /staff-layout|mantine|sign-in-page|actions-list-page/i.test(url))).toEqual(
      [],
    );
    // The map is an image the server drew; it loaded.
    const map = page.getByRole('img', { name: /^World map/ });
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(hydration).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows the Actions by topic and region, and opens one', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const hydration = collectHydrationErrors(page);
    await page.goto('/actions');
    const count = page.locator('.result-count');
    const stats = await publicStats();
    expect(await count.textContent()).toBe(`${stats.ongoingActions} ongoing Actions`);
    await hydrated(page.getByLabel('Topic'));
    await page.getByLabel('Topic').selectOption('thb');
    await page.waitForURL(/topic=thb/);
    const thbCount = stats.topics.find((topic) => topic.code === 'thb')?.count;
    await expect.poll(() => count.textContent()).toBe(`${thbCount} ongoing Actions`);
    await page.getByLabel('Region').selectOption('africa');
    await expect
      .poll(() => page.getByRole('article').getByRole('heading').allTextContents())
      .toEqual(['Ghana III']);
    const card = page.getByRole('article', { name: 'Ghana III' });
    expect(await card.textContent()).toContain('In implementation');

    await card.getByRole('link', { name: 'Ghana III' }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Ghana III' }).waitFor();
    await loaded(page);
    const facts = page.getByRole('region', { name: 'Key facts' });
    expect(await facts.textContent()).toContain('Ghana Immigration Service (GIS), requesting institution');
    expect(await page.title()).toBe('Ghana III · Tandem');
    // Its needs assessment was reported, a workshop and a drafting session held.
    expect(await page.getByRole('region', { name: 'Activities held' }).textContent()).toContain(
      'Needs-assessment mission',
    );
    // A full load of the same address renders it on the server, identical to what the app drew.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ghana III' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(hydration).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads how the facility fights trafficking, one section per ongoing Action', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/');
    // The topic is linked from its share of the portfolio and from the resources published on it.
    await page.getByRole('link', { name: 'Trafficking in human beings' }).first().click();
    await page.waitForURL('**/topics/thb');
    // The router keeps the previous page on screen until the next one is ready.
    await page.getByRole('heading', { level: 1, name: 'Trafficking in human beings' }).waitFor();
    await loaded(page);
    const topic = (await (await fetch(`${baseUrl}/api/public/topics/thb`)).json()) as {
      ongoingActions: number;
      highlights: { name: string }[];
    };
    const story = page.getByRole('region', { name: `${topic.ongoingActions} ways we fight trafficking` });
    const sections = story.getByRole('article');
    expect(await sections.count()).toBe(topic.highlights.length);
    expect(await story.getByRole('article', { name: /Ghana III/ }).textContent()).toContain(
      'Requested by Ghana Immigration Service.',
    );
    const pillars = page.getByRole('region', { name: 'The four Ps' });
    expect(await pillars.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Prevention',
      'Protection and assistance to victims',
      'Prosecution',
      'Partnership',
    ]);
    await context.close();
  });

  it('finds the countries of the map in a table, and a region with its own map', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/map');
    const table = page.getByRole('table', { name: 'Ongoing Actions per country' });
    const peru = table.getByRole('row', { name: /^Peru/ });
    expect(await peru.getByRole('cell').allTextContents()).toEqual(['Latin America and the Caribbean', '2']);
    await page.getByRole('link', { name: 'EU Eastern Neighbourhood' }).click();
    await page.waitForURL('**/regions/east');
    await page.getByRole('heading', { level: 1, name: 'EU Eastern Neighbourhood' }).waitFor();
    await loaded(page);
    const map = page.getByRole('img', { name: /^World map/ });
    expect(await map.getAttribute('src')).toBe('/api/public/map.svg?region=east');
    expect(await page.getByRole('article').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('subscribes to the calendar of awareness days, which a calendar library reads', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/events');
    const days = page.getByRole('region', { name: 'Awareness days' });
    expect(await days.textContent()).toContain('EU Anti-Trafficking Day');
    expect(await days.textContent()).toContain('Marked since 2007');
    const upcoming = page.getByRole('region', { name: 'Upcoming events' });
    expect(await upcoming.textContent()).toContain(
      'Peer exchange: recognising victims of trafficking at entry points',
    );
    const href = await page.getByRole('link', { name: 'Subscribe to the calendar' }).getAttribute('href');
    const feed = await (await fetch(`${baseUrl}${href}`)).text();
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toContain('EU Anti-Trafficking Day');
    expect(summaries).toContain('Peer exchange: recognising victims of trafficking at entry points');
    await context.close();
  });
});
