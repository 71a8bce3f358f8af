import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicStats } from '../server/features/public/public.contract.ts';
import { type Browser, collectPageProblems, launchBrowser, newContext, settled } from './harness.ts';

// Story: a visitor opens the public portal and reads how much of the facility's work is on THB.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publicStats(): Promise<PublicStats> {
  const response = await fetch(`${baseUrl}/api/public/stats`);
  return (await response.json()) as PublicStats;
}

describe('a visitor on the portal home', () => {
  it('reads the live counters and the THB share of ongoing Actions, about 20%', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page);
    expect(await page.title()).toMatch(/Ongoing Actions · Tandem/);
    // Route-level code splitting: the staff area's code is not part of the portal's download.
    expect(scripts.some((url) => url.includes('portal-home-page'))).toBe(true);
    expect(scripts.filter((url) => /staff-layout|actions-list-page|sign-in-page/.test(url))).toEqual([]);

    const stats = await publicStats();
    const ongoing = page.locator('[data-counter="ongoing"]');
    expect(await ongoing.locator('dt').textContent()).toBe('Ongoing Actions');
    expect(await ongoing.locator('dd').textContent()).toBe(String(stats.ongoingActions));
    expect(await page.locator('[data-counter="countries"] dd').textContent()).toBe(String(stats.countries));

    // The share table: a row headed by the topic, its share as a percentage.
    const table = page.getByRole('table', { name: /Share of ongoing Actions by topic/ });
    const thbRow = table.getByRole('row', { name: /Trafficking in human beings/ });
    const cells = await thbRow.getByRole('cell').allTextContents();
    const percent = Number(cells.at(-1)?.replace(/[^\d.]/g, ''));
    expect(percent).toBeGreaterThanOrEqual(15);
    expect(percent).toBeLessThanOrEqual(25);
    const thb = stats.topics.find((topic) => topic.code === 'thb');
    expect(cells.at(-1)).toBe(`${Math.round((thb?.share ?? -1) * 100)}%`);
    expect(cells[0]).toBe(String(thb?.count));

    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters the ongoing Actions by topic and region, and opens one', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto('/');
    const section = page.getByRole('region', { name: 'Ongoing Actions' });
    const count = section.getByText(/^\d+ ongoing Actions?$/);
    await count.waitFor();
    const stats = await publicStats();
    expect(await count.textContent()).toBe(`${stats.ongoingActions} ongoing Actions`);

    await section.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'Trafficking in human beings' }).click();
    const thbCount = stats.topics.find((topic) => topic.code === 'thb')?.count;
    await expect.poll(() => count.textContent()).toBe(`${thbCount} ongoing Actions`);
    expect(page.url()).toContain('topic=thb');
    const names = await section.getByRole('article').getByRole('heading').allTextContents();
    expect(names).toContain('Ghana III');
    expect(names).toContain('Jordan I');
    expect(names).not.toContain('Kenya I'); // labour migration

    await section.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Africa', exact: true }).click();
    await expect
      .poll(() => section.getByRole('article').getByRole('heading').allTextContents())
      .toEqual(['Ghana III']);
    const card = section.getByRole('article', { name: 'Ghana III' });
    expect(await card.textContent()).toContain('Ghana');
    expect(await card.textContent()).toContain('In implementation');

    await card.getByRole('link', { name: 'Ghana III' }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Ghana III' }).waitFor();
    const facts = page.getByRole('region', { name: 'Key facts' });
    expect(await facts.textContent()).toContain('Ghana Immigration Service (GIS), requesting institution');
    expect(await facts.textContent()).toContain('Trafficking in human beings');
    expect(await page.title()).toBe('Ghana III · Tandem');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the served web app', () => {
  it('answers client routes with the app and a missing asset with a 404', async () => {
    const route = await fetch(`${baseUrl}/actions/some-page`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    const asset = await fetch(`${baseUrl}/assets/old-chunk-from-a-previous-release.js`);
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type')).toMatch(/application\/json/);
  });
});
