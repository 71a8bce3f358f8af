import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  demoAccounts,
  launchBrowser,
  newContext,
  type Page,
  seriousViolations,
  signIn,
} from './harness.ts';

// Story: people who use a screen reader, a keyboard or high zoom can use the same pages, in English
// and in Arabic. axe must find no serious or critical violation on any of them.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function firstActionHref(page: Page, linkSelector: string) {
  const href = await page.locator(linkSelector).first().getAttribute('href');
  if (!href) throw new Error(`No link matches ${linkSelector}`);
  return href;
}

describe.each(['en', 'ar'])('accessibility in %s', (language) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, { baseUrl, language });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the portal home', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('header').count()).toBeGreaterThan(0);
    expect(await page.locator('main').count()).toBe(1);
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
  });

  it('offers a visible skip link first, and shows where the keyboard focus is', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.getAttribute('href')).toBe('#main-content');
    const box = await skip.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0); // moved into view when focused
    await page.keyboard.press('Tab');
    const outline = await page
      .locator(':focus')
      .evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('a public Action page', async () => {
    await page.goto('/actions');
    await page.locator('article a').first().waitFor();
    await page.goto(await firstActionHref(page, 'article a'));
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
  });

  it('the sign-in page, with its errors shown', async () => {
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click(); // the fields' own errors
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await page.locator('input[name="email"]').fill('nobody@demo.tandem.test');
    await page.locator('input[name="password"]').fill('wrong');
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click(); // the API's answer
    await page.getByRole('alert').waitFor();
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
  });

  it('the staff Actions list', async () => {
    await signIn(page, demoAccounts.officer);
    await page.locator('table').waitFor();
    expect(await page.locator('nav').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
  });

  it('a staff Action page', async () => {
    await page.goto('/app/actions?q=Ghana');
    await page.locator('tbody th a').first().waitFor();
    await page.goto(await firstActionHref(page, 'tbody th a'));
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
  });

  it('the portal home and the staff list on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await page.goto('/app/actions');
    await page.locator('table').waitFor();
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
