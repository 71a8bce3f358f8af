import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  demoAccounts,
  launchBrowser,
  type Page,
  seriousViolations,
  settled,
  signedInPage,
} from './harness.ts';

// Story: a programme officer prepares a steering meeting: opens the dashboard, narrows it to the
// Actions in implementation, downloads a chart's table, and downloads the fiche of one Action.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe('an officer preparing a steering meeting', () => {
  it('filters the dashboard, downloads a chart’s table and an Action’s fiche', async () => {
    const { context, page, problems } = await signedInPage(browser, baseUrl, demoAccounts.officer);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Actions by status' }).waitFor();
    expect(await page.title()).toBe('Dashboard · Tandem');
    await page.mouse.move(640, 880);
    expect(await seriousViolations(page)).toEqual([]);

    // Every chart has its table; the status filter narrows them all and stays in the address.
    const statusTable = page.getByRole('table', { name: 'Figures of the chart: Actions by status' });
    await statusTable.waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'In implementation' }).click();
    await page.waitForURL(/status=implementation/);
    await settled(page);
    await expect
      .poll(async () => statusTable.getByRole('row', { name: /Completed/ }).textContent())
      .toMatch(/Completed\s*0/);

    // The table of a chart downloads as CSV under the same filter.
    const csv = await downloaded(page, () =>
      page.getByRole('button', { name: 'Download Actions by topic as CSV' }).click(),
    );
    expect(csv.name).toBe('dashboard-actionsByTopic.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFcode,Category,Count')).toBe(true);

    // An Action's fiche, from its page.
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByRole('link', { name: 'Ghana III' }).first().click();
    await page.getByRole('button', { name: 'Download the fiche (PDF)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const fiche = await downloaded(page, () =>
      page.getByRole('button', { name: 'Download the fiche (PDF)' }).click(),
    );
    expect(fiche.name).toMatch(/^fiche-.+-en\.pdf$/);
    expect(fiche.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The spreadsheets page offers the exports and, to staff, the import.
    await page.getByRole('link', { name: 'Spreadsheets' }).click();
    await page.getByRole('heading', { level: 2, name: 'Import' }).waitFor();
    await page.mouse.move(640, 880);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
