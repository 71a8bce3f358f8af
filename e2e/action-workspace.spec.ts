import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPdf } from '../server/demo/demo-pdf.ts';
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

// Story: an officer plans a training for the Ghana Action, matches and assigns an expert, and
// uploads a draft of the training module; the Ghana partner reviews it, comments and validates it;
// the officer publishes it. Every page on the way passes axe.
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

/** Chooses an option of a Mantine select or multi-select by the field's label. */
async function choose(page: Page, label: string, option: string, search?: string) {
  const field = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await field.first().click();
  if (search) await field.first().fill(search);
  await page.getByRole('listbox', { name: label }).getByRole('option', { name: option, exact: true }).click();
}

const moduleTitle = 'Training module on THB: detection, investigation and referral of victims';

describe('the Ghana training and its module, from plan to publication', () => {
  it('goes from the officer to the partner and back, every page accessible', async () => {
    const {
      context: officerContext,
      page: officer,
      problems,
    } = await signedInPage(browser, baseUrl, demoAccounts.officer);

    // The officer opens Ghana III and reads its design.
    await officer.goto(`/app/actions/${ghanaId}?tab=design`);
    await officer.getByRole('heading', { name: 'Design of the Action' }).waitFor();
    await officer
      .getByText(/partner’s|pilot training/i)
      .first()
      .waitFor();
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);

    // ...plans a training in its activities tab.
    await officer.getByRole('tab', { name: 'Activities' }).click();
    await officer.getByRole('button', { name: 'Plan an activity' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Plan an activity' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Title/).fill('Training on referral for port officials in Takoradi');
    await dialog.getByLabel(/^Start date/).fill('2027-05-10');
    await dialog.getByLabel(/^End date/).fill('2027-05-12');
    await dialog.getByLabel(/^City/).fill('Takoradi');
    await choose(officer, 'Country', 'Ghana', 'Ghan');
    await choose(officer, 'Working languages', 'English');
    await dialog.getByLabel(/^Agenda/).fill('Indicators at ports; referral to the social welfare services.');
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);
    await dialog.getByRole('button', { name: 'Plan the activity' }).click();

    // The activity's page: planned, no expert yet.
    await officer
      .getByRole('heading', { level: 1, name: 'Training on referral for port officials in Takoradi' })
      .waitFor();
    await officer.getByText('No expert is deployed on this activity yet.').waitFor();
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);

    // Matching: ranked experts, each with the reasons.
    await officer.getByRole('button', { name: 'Find matching experts' }).click();
    const best = officer.getByRole('article').first();
    await best.waitFor();
    const bestText = (await best.textContent()) ?? '';
    expect(bestText).toContain('Wanjiru Mfano');
    expect(bestText).toContain('Works on the Action’s topics: Trafficking in human beings');
    expect(bestText).toContain('Has worked in Ghana');
    expect(bestText).toContain('A peer from a partner country (Kenya)');
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);
    await best.getByRole('button', { name: 'Assign Wanjiru Mfano' }).click();
    const deployed = officer.getByRole('table', { name: /Experts deployed/ });
    await deployed.waitFor();
    expect(await deployed.textContent()).toContain('Wanjiru Mfano');
    expect(await deployed.textContent()).toContain('Expert');

    // The officer uploads a new draft of the Ghana training module and sends it for review.
    await officer.goto(`/app/actions/${ghanaId}?tab=deliverables`);
    await officer.getByRole('link', { name: moduleTitle }).click();
    await officer.getByRole('heading', { level: 1, name: moduleTitle }).waitFor();
    await officer.locator('input[type="file"]').setInputFiles({
      name: 'Training module v2.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('Training module', ['Unit 1: indicators.', 'Unit 2: interviews.', 'Unit 3: referral.']),
    });
    await officer
      .getByLabel(/^What changed in this version/)
      .fill('Referral pathway agreed with the four institutions');
    await officer.getByRole('button', { name: 'Upload the version' }).click();
    await officer.getByText('Referral pathway agreed with the four institutions').waitFor();
    await officer.getByRole('link', { name: 'Training module v2.pdf' }).waitFor();
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);
    await officer.getByRole('button', { name: 'Send to the partner for review' }).click();
    await officer.getByText('In partner review').first().waitFor();
    const deliverableUrl = officer.url();

    // The Ghana partner reviews: reads it, comments, and validates.
    const partnerContext = await newContext(browser, { baseUrl });
    const partner = await partnerContext.newPage();
    await signIn(partner, demoAccounts.partnerGhana);
    await partner.goto(`/app/actions/${ghanaId}?tab=deliverables`);
    const partnerList = partner.getByRole('table');
    await partnerList.waitFor();
    expect(await partnerList.textContent()).not.toContain('(internal)');
    await partner.getByRole('link', { name: moduleTitle }).click();
    await partner.getByRole('heading', { level: 1, name: moduleTitle }).waitFor();
    expect(await partner.getByRole('button', { name: 'Upload the version' }).count()).toBe(0);
    await partner.getByLabel('Your comment').fill('Please add the national hotline number to unit 3.');
    await partner.getByRole('button', { name: 'Post the comment' }).click();
    await partner.getByText('Please add the national hotline number to unit 3.').waitFor();
    expect(await seriousViolations(partner, { heading: true })).toEqual([]);
    await partner.getByRole('button', { name: 'Validate' }).click();
    await partner.getByText('Validated').first().waitFor();
    expect(await partner.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    // The officer publishes it; the Action's timeline tells the story.
    await officer.goto(deliverableUrl);
    await officer.getByRole('button', { name: 'Publish' }).click();
    await officer.getByText('Published', { exact: true }).first().waitFor();
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);
    await officer.goto(`/app/actions/${ghanaId}?tab=timeline`);
    const timeline = officer.getByRole('list').filter({ hasText: 'Expert deployed' });
    await timeline.waitFor();
    const story = (await timeline.textContent()) ?? '';
    for (const step of ['Sent to the partner for review', 'Validated', 'Published'])
      expect(story).toContain(step);
    expect(await seriousViolations(officer, { heading: true })).toEqual([]);
    expect(problems).toEqual([]);
    await partnerContext.close();
    await officerContext.close();
  });
});

describe('the other workspace pages', () => {
  it('the calendar, the roster and an expert’s profile, for an officer', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, demoAccounts.officer);
    await page.goto('/app/calendar?region=asia');
    await page.getByRole('heading', { level: 1, name: 'Calendar of activities' }).waitFor();
    await settled(page);
    const tables = await page.getByRole('table').allTextContents();
    expect(tables.join(' ')).toContain('Timor-Leste I');
    expect(tables.join(' ')).not.toContain('Ghana III');
    expect(await seriousViolations(page, { heading: true })).toEqual([]);

    await page.goto('/app/experts');
    await page.getByRole('table', { name: '40 experts' }).waitFor();
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await page.getByRole('link', { name: 'Erik Expert-Demo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erik Expert-Demo' }).waitFor();
    expect(await page.getByText('@experts.demo.tandem.test').count()).toBe(1);
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    await context.close();
  });

  it('an expert sees their own work, in Arabic right to left', async () => {
    const context = await newContext(browser, { baseUrl, language: 'ar' });
    const page = await context.newPage();
    await signIn(page, demoAccounts.expert);
    await page.goto('/app/my-work');
    await page.getByRole('heading', { level: 1, name: 'عملي' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await settled(page);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Ghana III');
    expect(text).toContain('Timor-Leste I');
    expect(text).not.toContain('Jordan I');
    expect(await seriousViolations(page, { heading: true })).toEqual([]);
    // The roster is not theirs to read.
    expect(await page.getByRole('link', { name: 'الخبراء' }).count()).toBe(0);
    await context.close();
  });
});
