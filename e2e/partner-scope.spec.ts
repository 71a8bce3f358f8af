import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicActionPage } from '../server/features/public/public.contract.ts';
import { type Browser, demoAccounts, launchBrowser, newContext, settled, signIn } from './harness.ts';

// Story: the Ghana Immigration Service's focal point signs in and sees its own institution's work only.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publicActionId(name: string) {
  const response = await fetch(`${baseUrl}/api/public/actions?q=${encodeURIComponent(name)}`);
  const page = (await response.json()) as PublicActionPage;
  const action = page.items.find((item) => item.name === name);
  if (!action) throw new Error(`No public Action named ${name}`);
  return action.id;
}

describe('the Ghana partner', () => {
  it("sees only Ghana Immigration Service's Actions, and not Jordan's", async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, demoAccounts.partnerGhana);
    const navigation = page.getByRole('navigation', { name: 'Staff navigation' });
    expect(await navigation.textContent()).toContain('Partner institution');
    expect(await navigation.textContent()).toContain('Ghana Immigration Service');

    const table = page.getByRole('table');
    await table.waitFor();
    await settled(page);
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toContain('Ghana III');
    expect(names.every((name) => name.startsWith('Ghana'))).toBe(true);
    expect(names).not.toContain('Jordan I');
    expect(await table.locator('caption').textContent()).toBe(`${names.length} Actions`);

    // Searching for Jordan finds nothing for this partner...
    await page.getByRole('searchbox', { name: 'Search' }).fill('Jordan');
    await page.getByText('No Action matches these filters.').waitFor();

    // ...and Jordan's Action page, reached by its address, is not found.
    const jordanId = await publicActionId('Jordan I');
    await page.goto(`/app/actions/${jordanId}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Not found');
    expect(await page.getByRole('heading', { name: 'Jordan I' }).count()).toBe(0);

    // Its own Action opens.
    const ghanaId = await publicActionId('Ghana III');
    await page.goto(`/app/actions/${ghanaId}`);
    await page.getByRole('heading', { level: 1, name: 'Ghana III' }).waitFor();
    await context.close();
  });
});
