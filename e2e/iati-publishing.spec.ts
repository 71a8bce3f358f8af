import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  demoAccounts,
  launchBrowser,
  newContext,
  repoRoot,
  seriousViolations,
  signedInPage,
  signIn,
} from './harness.ts';

// Story: a programme officer checks the IATI export before publishing it, downloads it, and imports
// another organisation's IATI file to see who else works in the same country.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const unodcFile = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="en">
    <iati-identifier>XM-DAC-41128-E2E-PER-1</iati-identifier>
    <reporting-org ref="XM-DAC-41128" type="40"><narrative>United Nations Office on Drugs and Crime</narrative></reporting-org>
    <title><narrative>Strengthening the prosecution of human trafficking in Peru</narrative></title>
    <description><narrative>Support to specialised prosecutors.</narrative></description>
    <participating-org role="4" ref="XM-DAC-41128" type="40"><narrative>UNODC</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2025-01-01"/>
    <recipient-country code="PE" percentage="100"/>
  </iati-activity>
</iati-activities>`;

describe('an officer on the IATI page', () => {
  it('checks the export, downloads it, imports a file and sees a bad one refused', async () => {
    const { context, page, problems } = await signedInPage(browser, baseUrl, demoAccounts.officer);
    await page.getByRole('link', { name: 'IATI publishing' }).click();
    await page.getByRole('heading', { level: 1, name: 'IATI publishing' }).waitFor();
    expect(await page.title()).toBe('IATI publishing · Tandem');
    // The pointer leaves the navigation it clicked, as it would to read the page.
    await page.mouse.move(640, 880);
    expect(await seriousViolations(page)).toEqual([]);

    // The download is the published file.
    const href = await page.getByRole('link', { name: 'Download the public file' }).getAttribute('href');
    const file = await page.request.get(href ?? '');
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('<iati-activities version="2.03"');

    // The check names the placeholder organisation identifier and finds no Action at fault.
    await page.getByRole('button', { name: 'Check the export' }).click();
    await page.getByText(/Actions checked/).waitFor();
    const report = page.getByRole('region', { name: 'Problems before publishing' });
    expect(await report.textContent()).toContain('TANDEM_IATI_ORG_REF');
    expect(await report.textContent()).toContain('No Action has a problem.');

    // Import another publisher's file.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'unodc-peru.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(unodcFile),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'unodc-peru.xml was imported' });
    await done.waitFor();
    expect(await done.textContent()).toContain('1 activity added');
    expect(await page.getByRole('table', { name: 'The activities in the file' }).textContent()).toContain(
      'XM-DAC-41128-E2E-PER-1',
    );

    // It is listed among the activities of other organisations, matched to the THB topic.
    const external = page.getByRole('region', { name: 'Activities of other organisations' });
    await page.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'Trafficking in human beings' }).click();
    await expect
      .poll(() => external.textContent())
      .toContain('Strengthening the prosecution of human trafficking in Peru');

    // A file without a title narrative is refused, with the line and the reason.
    const bad = readFileSync(
      path.join(
        repoRoot,
        '..',
        'shared',
        'iati',
        'schema-tests',
        'should-fail',
        '22-missing-title-narrative.xml',
      ),
    );
    await input.setInputFiles({ name: 'no-title.xml', mimeType: 'application/xml', buffer: bad });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The file was refused' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/line \d+: .*<title> has no <narrative>/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads right to left in Arabic', async () => {
    const context = await newContext(browser, { baseUrl, language: 'ar' });
    const page = await context.newPage();
    await signIn(page, demoAccounts.admin);
    await page.goto('/app/iati');
    await page.getByRole('heading', { level: 1, name: 'النشر وفق معيار IATI' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('is not offered to a partner', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, demoAccounts.partnerGhana);
    const navigation = page.getByRole('navigation', { name: 'Staff navigation' });
    await navigation.waitFor();
    expect(await navigation.getByRole('link', { name: 'IATI publishing' }).count()).toBe(0);
    await context.close();
  });
});
