import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  hydrated,
  launchBrowser,
  newContext,
  type Page,
  repoRoot,
  seriousViolations,
} from './harness.ts';

// Story: a reader on a slow connection chooses their language before the portal's scripts have
// arrived (or with scripts off); the page comes back in that language, and so do the next ones.
const baseUrl = inject('baseUrl');
let browser: Browser;
type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<string, Catalog> = {};

/** A message of a catalog by its dotted key, as the app's `t` finds it. */
function t(language: string, key: string): string {
  let node: string | Catalog | undefined = catalogs[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${language} message for ${key}`);
  return node;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The shared catalog and the portal's own, merged as the app merges them.
  const read = async (file: string) =>
    JSON.parse(await readFile(path.join(repoRoot, file), 'utf8')) as Catalog;
  for (const language of ['fr', 'ar']) {
    catalogs[language] = {
      ...(await read(`web/i18n/${language}.json`)),
      ...(await read(`web/features/portal/i18n/${language}.json`)),
    };
  }
});
afterAll(async () => {
  await browser?.close();
});

const html = (page: Page, attribute: 'lang' | 'dir') => page.locator('html').getAttribute(attribute);

describe('the language switch without scripts', () => {
  it('reloads the same page in French, keeping its filters, then Arabic right to left', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/actions?topic=thb&region=asia');
    expect(await html(page, 'lang')).toBe('en');

    await page.getByLabel('Language').selectOption('fr');
    // Nothing happens by itself without scripts: the reader sends the form.
    expect(await html(page, 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Change language' }).click();
    await page.waitForURL(/lang=fr/);
    expect(await html(page, 'lang')).toBe('fr');
    expect(await html(page, 'dir')).toBe('ltr');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ topic: 'thb', region: 'asia', lang: 'fr' });
    expect(url.pathname).toBe('/actions');
    expect(await page.getByRole('link', { name: t('fr', 'nav.signIn') }).count()).toBe(1);
    const names = await page.getByRole('article').getByRole('heading').allTextContents();
    expect(names.sort()).toEqual(['Thailand I', 'Timor-Leste I']);
    expect(await page.getByLabel(t('fr', 'language.label')).inputValue()).toBe('fr');

    // The choice holds for the next page, reached by a plain link.
    await page.getByRole('link', { name: t('fr', 'portal.nav.events'), exact: true }).click();
    await page.waitForURL('**/events');
    expect(await html(page, 'lang')).toBe('fr');

    await page.getByLabel(t('fr', 'language.label')).selectOption('ar');
    await page.getByRole('button', { name: t('fr', 'language.submit') }).click();
    await page.waitForURL(/\/events\?lang=ar$/);
    expect(await html(page, 'lang')).toBe('ar');
    expect(await html(page, 'dir')).toBe('rtl');
    expect(await page.getByRole('link', { name: t('ar', 'nav.signIn') }).count()).toBe(1);
    expect(await page.getByRole('button', { name: t('ar', 'language.submit') }).count()).toBe(1);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await context.close();
  });

  it('has no serious or critical accessibility violation, the switch labelled in each language', async () => {
    // axe needs scripts of its own: the page's are refused instead, so it checks the markup a reader
    // without them gets.
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    for (const language of ['fr', 'ar']) {
      await page.goto(`/?lang=${language}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: t(language, 'language.submit') }).count()).toBe(1);
      expect(await seriousViolations(page), language).toEqual([]);
    }
    await context.close();
  });
});

describe('the language switch as the scripts take over', () => {
  it('takes up a choice made before the page was hydrated, in place', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    // Hold the scripts back, as a slow connection does, while the reader chooses.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/*.js', async (route) => {
      await held;
      await route.continue();
    });
    const documents: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url());
    });
    await page.goto('/', { waitUntil: 'commit' });
    const select = page.getByLabel('Language');
    await select.waitFor();
    await select.selectOption('fr');
    release();

    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(t('fr', 'portal.heading'));
    expect(documents).toEqual([`${baseUrl}/`]);

    // Once taken over, the select switches in place, with no reload.
    await hydrated(page.getByLabel(t('fr', 'language.label')));
    await page.getByLabel(t('fr', 'language.label')).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(documents).toEqual([`${baseUrl}/`]);
    await context.close();
  });

  it('keeps a choice sent without scripts over an older one the app had stored', async () => {
    // The reader once chose English with scripts; today their scripts do not arrive in time.
    const context = await newContext(browser, { baseUrl, language: 'en' });
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto('/');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Change language' }).click();
    await page.waitForURL(/\?lang=fr$/);
    expect(await html(page, 'lang')).toBe('fr');

    // The next page, reached by a plain link, arrives with its scripts, which take it over in French.
    await page.unrouteAll();
    await page.getByRole('link', { name: t('fr', 'portal.nav.events'), exact: true }).click();
    await page.waitForURL('**/events');
    await hydrated(page.getByLabel(t('fr', 'language.label')));
    await page.waitForLoadState('networkidle');
    expect(await html(page, 'lang')).toBe('fr');
    expect(await page.evaluate(() => localStorage.getItem('tandem.language'))).toBe('fr');
    await context.close();
  });
});
