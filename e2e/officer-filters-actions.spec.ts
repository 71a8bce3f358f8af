import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, demoAccounts, launchBrowser, newContext, settled, signedInPage } from './harness.ts';

// Story: a programme officer signs in and narrows the portfolio to the Actions on THB.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an officer in the staff area', () => {
  it('is sent to the sign-in page while signed out, and told why a wrong password fails', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/app/actions?topic=thb');
    await page.waitForURL('**/sign-in?next=**');
    await page.getByLabel('E-mail address').fill(demoAccounts.officer);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not sign in');
    expect(await alert.textContent()).toContain('The e-mail address or the password is not correct');
    expect(page.url()).toContain('/sign-in');

    // The right password leads back to where the officer was going, filters included.
    await page.getByLabel(/^Password/).fill('tandem-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/app/actions?topic=thb');
    await context.close();
  });

  it('asks for the session and the list page’s code at once on a first visit, not one after the other', async () => {
    // A steering member's visit: sign-in allows ten a minute per account and address, and the suite
    // signs the officer in often.
    const { context, page } = await signedInPage(browser, baseUrl, demoAccounts.steering);
    await page.close();
    const visit = await context.newPage();
    // The staff shell's code and the session's answer are held back until both have been asked for.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holdBack = async (route: Route) => {
      await held;
      await route.continue();
    };
    await visit.route(/\/staff-layout-[^/]+\.js$/, holdBack);
    await visit.route('**/api/auth/me', holdBack);
    const asked = Promise.all([
      visit.waitForRequest('**/api/auth/me'),
      visit.waitForRequest((request) => /\/actions-list-page-[^/]+\.js$/.test(request.url())),
    ]);
    await visit.goto('/app/actions');
    await asked;
    release();
    await visit.getByRole('table').waitFor();
    await context.close();
  });

  it('filters the Actions by topic THB and sees only THB Actions, filters kept in the URL', async () => {
    const { context, page, problems } = await signedInPage(browser, baseUrl, demoAccounts.officer);
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await page.title()).toBe('Actions · Tandem');
    const navigation = page.getByRole('navigation', { name: 'Staff navigation' });
    expect(await navigation.textContent()).toContain('Programme officer');

    await settled(page);
    const caption = table.locator('caption');
    const totalOf = async () => Number((await caption.textContent())?.replace(/\D/g, ''));
    const allActions = await totalOf();
    expect(allActions).toBeGreaterThan(30);

    await page
      .getByRole('combobox', { name: 'Topic' })
      .selectOption({ label: 'Trafficking in human beings' });
    await page.waitForURL(/[?&]topic=thb/);
    await expect.poll(totalOf).toBeLessThan(allActions);
    await settled(page);

    const rows = table.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBe(await totalOf());
    const names = await rows.locator('th').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Ghana III', 'Jordan I', 'Thailand I', 'Peru III']));
    for (const topics of await rows.locator('td:nth-child(4)').allTextContents()) {
      expect(topics).toContain('Trafficking in human beings');
    }

    // The filters live in the URL: a reload shows the same list, the select still says THB.
    await page.reload();
    await table.waitFor();
    await settled(page);
    expect(await page.getByRole('combobox', { name: 'Topic' }).inputValue()).toBe('thb');
    expect(await rows.count()).toBe(count);

    // Narrow further by status and by free text.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Completed' });
    await page.waitForURL(/status=completed/);
    await expect.poll(() => rows.locator('th').allTextContents()).toEqual(['Peru II']);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(totalOf).toBe(allActions);
    await page.getByRole('searchbox', { name: 'Search' }).fill('Ghana');
    await page.waitForURL(/q=Ghana/);
    await expect
      .poll(() => rows.locator('th').allTextContents())
      .toEqual(['Ghana I', 'Ghana II', 'Ghana III']);

    // The Action page, and the way back to the same filtered list.
    await table.getByRole('link', { name: 'Ghana III' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ghana III' }).waitFor();
    const facts = page.getByRole('region', { name: 'Key facts' });
    expect(await facts.textContent()).toContain('Ghana Immigration Service (GIS), requesting institution');
    expect(await facts.textContent()).toMatch(/victim-centred/i);
    await page.getByRole('link', { name: 'Back to the Actions' }).click();
    await page.waitForURL(/\/app\/actions\?q=Ghana$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/app/actions');
    await page.waitForURL('**/sign-in?next=**');
    expect(problems).toEqual([]);
    await context.close();
  });
});
