import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, hydrated, launchBrowser, newContext, repoRoot, settled } from './harness.ts';

// Story: an Arabic-speaking visitor switches the interface to Arabic and reads it right to left.
const baseUrl = inject('baseUrl');
let browser: Browser;
type Catalog = Record<string, Record<string, string>>;
let ar: Catalog;

beforeAll(async () => {
  browser = await launchBrowser();
  // The shared catalog and the portal's own, merged as the app merges them.
  const read = async (file: string) =>
    JSON.parse(await readFile(path.join(repoRoot, file), 'utf8')) as Catalog;
  ar = { ...(await read('web/i18n/ar.json')), ...(await read('web/features/portal/i18n/ar.json')) };
});
afterAll(async () => {
  await browser?.close();
});

describe('the Arabic interface', () => {
  it('switches to Arabic, right to left, translated, and remembers the choice', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

    await hydrated(page.getByLabel('Language'));
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(ar.portal?.heading);
    expect(await page.getByRole('link', { name: ar.nav?.signIn }).count()).toBe(1);
    expect(await page.title()).toBe(`${ar.portal?.title} · Tandem`);
    // Layout follows: the main text flows right to left, not just the attribute.
    expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // Content from the API comes in Arabic too (Accept-Language follows the interface).
    await settled(page);
    const shares = page.getByRole('table', { name: /حصة الإجراءات الجارية/ });
    expect(await shares.textContent()).toContain('الاتجار بالبشر');
    expect(await shares.textContent()).not.toContain('Trafficking in human beings');

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ar.portal?.heading);

    await hydrated(page.getByLabel(ar.language?.label ?? 'اللغة'));
    await page.getByLabel(ar.language?.label ?? 'اللغة').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await context.close();
  });

  it("starts in the browser's language when no choice was made", async () => {
    const context = await newContext(browser, { baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByLabel('Adresse électronique').count()).toBe(1);
    await context.close();
  });
});
