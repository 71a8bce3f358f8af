import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  collectPageProblems,
  demoAccounts,
  launchBrowser,
  newContext,
  seriousViolations,
  settled,
  signIn,
} from './harness.ts';

// Story: an admin of the demo facility reads on the sign-in page that demo accounts skip two-factor
// sign-in, looks up who signed in in the audit log, and checks where their own account is signed in.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an admin and the trust features', () => {
  it('sees the demo note, browses the audit log, and lists and ends own sessions', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    await page.goto('/sign-in');
    await page.getByText(/demo accounts sign in with their password only/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A second session of the same account, to end from the account page.
    const other = await newContext(browser, { baseUrl });
    await signIn(await other.newPage(), demoAccounts.admin);
    await signIn(page, demoAccounts.admin);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await settled(page);
    await page.mouse.move(640, 880);
    expect(await seriousViolations(page)).toEqual([]);
    const table = page.getByRole('table');
    expect(await table.textContent()).toContain('auth.login');
    await page.getByLabel('Record type').fill('nothing-like-this');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No event matches.').waitFor();
    expect(page.url()).toContain('entityType=nothing-like-this');

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await settled(page);
    // The pointer leaves the navigation it clicked, as it would to read the page.
    await page.mouse.move(640, 880);
    expect(await seriousViolations(page)).toEqual([]);
    const endButtons = page.getByRole('button', { name: /^End the session opened/ });
    const before = await endButtons.count();
    expect(before).toBeGreaterThanOrEqual(1);
    await endButtons.first().click();
    await expect.poll(() => endButtons.count()).toBe(before - 1);
    expect(problems).toEqual([]);
    await other.close();
    await context.close();
  });

  it('does not show the audit log to an officer', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, demoAccounts.officer);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await context.close();
  });
});
