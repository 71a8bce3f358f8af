import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  launchBrowser,
  newContext,
  type Page,
  seriousViolations,
} from './harness.ts';

// Story: readers who use a screen reader, a keyboard or a phone read every public page, in English
// and in Arabic (right to left). axe finds no serious or critical violation on any of them.
const baseUrl = inject('baseUrl');
let browser: Browser;
let ghanaIII: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const list = await (await fetch(`${baseUrl}/api/public/actions?q=Ghana%20III`)).json();
  ghanaIII = list.items[0].id;
});
afterAll(async () => {
  await browser?.close();
});

const pages = () => [
  '/',
  '/actions',
  '/actions?topic=thb&status=all',
  `/actions/${ghanaIII}`,
  '/topics/thb',
  '/regions/africa',
  '/map',
  '/events',
  '/request-assistance',
  '/no-such-page',
];

describe.each(['en', 'ar'])('every portal page in %s', (language) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, { baseUrl, language });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('has no serious or critical violation, and reads in its language and direction', async () => {
    for (const path of pages()) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
      expect(await page.locator('html').getAttribute('lang'), path).toBe(language);
      expect(await page.locator('html').getAttribute('dir'), path).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await page.locator('main').count(), path).toBe(1);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  it('keeps the request form accessible with its errors shown', async () => {
    await page.goto(`/request-assistance?lang=${language}`);
    await page.waitForLoadState('networkidle');
    await page.locator('form.request-form button[type="submit"]').click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no violation on a phone-sized screen either', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', `/actions/${ghanaIII}`, '/events']) {
      await page.goto(`${path}?lang=${language}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
