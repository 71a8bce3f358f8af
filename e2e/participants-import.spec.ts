import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicActionPage } from '../server/features/public/public.contract.ts';
import {
  type Browser,
  demoAccounts,
  launchBrowser,
  newContext,
  type Page,
  seriousViolations,
  settled,
  signedInPage,
  signIn,
} from './harness.ts';

// Story: the Ghana partner imports the list of officials for the pilot training; one row is wrong,
// the report says where, the partner fixes the file and imports it. The officer records attendance
// and downloads a participant's certificate of attendance.
const baseUrl = inject('baseUrl');
let browser: Browser;
let ghanaId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const response = await fetch(`${baseUrl}/api/public/actions?q=Ghana%20III`);
  const found = ((await response.json()) as PublicActionPage).items.find((a) => a.name === 'Ghana III');
  if (!found) throw new Error('Ghana III is not in the demo portfolio');
  ghanaId = found.id;
});
afterAll(async () => {
  await browser?.close();
});

const pilot = 'Pilot training for officials at the Aflao border post';
const header =
  'Full name,Sex,Position level,Role,Lawful basis,Consent text version,Consent given on (YYYY-MM-DD)';
const rows = [
  'Kwaku Addo-Bekoe,Male,Junior,Participant,Public task,,',
  'Dzifa Agbenyega,Female,Mid-level,Participant,Consent,v1-2026,2026-11-02',
  'Edem Kpodo,Male,Trainer,Participant,Public task,,',
  'Mawuena Dzokoto,Femal,Junior,Participant,Public task,,',
];
const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'));

async function openPilot(page: Page) {
  await page.goto(`/app/actions/${ghanaId}?tab=activities`);
  await page.getByRole('link', { name: pilot }).click();
  await page.getByRole('heading', { level: 1, name: pilot }).waitFor();
  await page.getByRole('heading', { name: 'Participants' }).waitFor();
  await settled(page);
}

describe('a participant list, from import to certificate', () => {
  it('is imported by the partner after a fix, then attended and certified', async () => {
    const {
      context: partnerContext,
      page: partner,
      problems,
    } = await signedInPage(browser, baseUrl, demoAccounts.partnerGhana);
    await openPilot(partner);
    await partner.getByText('No one is registered yet.').waitFor();
    expect(await seriousViolations(partner)).toEqual([]);

    // The import dialog offers the template and checks the file first.
    await partner.getByRole('button', { name: 'Import a list' }).click();
    const dialog = partner.getByRole('dialog', { name: 'Import participants from a spreadsheet' });
    await dialog.getByRole('link', { name: 'Template (XLSX)' }).waitFor();
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'aflao.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await dialog.getByRole('button', { name: 'Check the file' }).click();

    // The report names the row, the column and what is wrong; nothing is written yet.
    const report = dialog.getByRole('table', { name: 'What is wrong' });
    await report.waitFor();
    expect(await report.locator('tbody tr').allTextContents()).toEqual([
      '5Sexis not one of: Female, Male, Other',
    ]);
    await dialog.getByText('1 problem in 4 rows; 3 rows are valid.').waitFor();
    expect(await seriousViolations(partner)).toEqual([]);

    // The partner fixes the row and imports the whole file.
    const fixed = rows.map((line) => line.replace(',Femal,', ',Female,'));
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'aflao-fixed.csv', mimeType: 'text/csv', buffer: csv(fixed) });
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText('All 4 rows are valid.').waitFor();
    await dialog.getByRole('button', { name: 'Import all rows' }).click();
    await dialog.getByText('4 participants imported.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    const register = partner.getByRole('table', { name: 'Participants' });
    await register.getByText('Mawuena Dzokoto').waitFor();
    await partner.getByText('4 registered: 2 women, 2 men, 0 other').waitFor();
    expect(problems).toEqual([]);
    await partnerContext.close();

    // The officer records attendance on the first two days for one participant.
    const officerContext = await newContext(browser, { baseUrl });
    const officer = await officerContext.newPage();
    await signIn(officer, demoAccounts.officer);
    await openPilot(officer);
    const boxes = officer.getByRole('checkbox', { name: /^Dzifa Agbenyega present on/ });
    expect(await boxes.count()).toBe(5);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await officer.getByText('2 unsaved changes').waitFor();
    await officer.getByRole('button', { name: 'Save attendance' }).click();
    await officer.getByText('Attendance saved.').waitFor();
    expect(await seriousViolations(officer)).toEqual([]);

    // Her certificate downloads, and its text holds her name.
    const link = officer.getByRole('link', { name: 'Certificate of attendance of Dzifa Agbenyega (PDF)' });
    const href = await link.getAttribute('href');
    if (!href) throw new Error('the certificate has no link');
    const [download] = await Promise.all([officer.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('certificate-dzifa-agbenyega.pdf');
    const pdf = await officer.request.get(href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(await pdf.body()), { mergePages: true });
    expect(text).toContain('Dzifa Agbenyega');
    expect(text).toContain(pilot);
    await officerContext.close();
  });
});
