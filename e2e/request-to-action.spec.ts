import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  collectPageProblems,
  demoAccounts,
  launchBrowser,
  newContext,
  type Page,
  type RunningServer,
  seriousViolations,
  settled,
  signIn,
  startServer,
} from './harness.ts';

// Story: Jordan's Ministry of Social Development asks for assistance; an officer screens the request
// and sends it on; a steering member approves it; the officer creates the Action, and the partner
// finds it among its Actions. All in the browser, with axe on every new page.
//
// This journey makes an Action, so it runs on a server of its own: the other journeys count the
// portfolio of the shared one.
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ timeoutMs: 150_000 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(email: string): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext(browser, { baseUrl: server.baseUrl });
  contexts.push(context);
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await signIn(page, email);
  return { page, problems };
}

async function pick(page: Page, label: string, option: string) {
  const input = page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first();
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

const title = 'Case management for child victims of trafficking';

/** The pointer rests where the last click was; axe judges the page, not a passing hover. */
async function auditedAfterPointerRest(page: Page) {
  await page.mouse.move(640, 890);
  return seriousViolations(page, { heading: true });
}

describe('from a partner’s request to an approved Action', () => {
  it('is submitted, screened, approved and becomes an Action the partner finds', async () => {
    // The partner writes and submits the request.
    const partner = await as(demoAccounts.partnerJordan);
    await partner.page.getByRole('link', { name: 'Requests', exact: true }).click();
    await partner.page.getByRole('heading', { level: 1, name: 'Requests for assistance' }).waitFor();
    expect(await auditedAfterPointerRest(partner.page)).toEqual([]);
    await partner.page.getByRole('link', { name: 'New request' }).click();
    await partner.page.getByRole('heading', { level: 1, name: 'New request for assistance' }).waitFor();
    expect(await auditedAfterPointerRest(partner.page)).toEqual([]);

    await partner.page.getByLabel('Title of the request').fill(title);
    await pick(partner.page, 'Countries', 'Jordan');
    await pick(partner.page, 'Topics', 'Trafficking in human beings');
    await partner.page
      .getByLabel('The problem')
      .fill('Child victims are referred between services without a case manager.');
    await partner.page
      .getByLabel('The change you want')
      .fill('A case-management protocol and trained case managers.');
    await partner.page
      .getByRole('textbox', { name: 'Target group 1', exact: true })
      .fill('Social workers of the Ministry');
    await partner.page.getByLabel('Estimated number of people').fill('120');
    await partner.page.getByRole('button', { name: 'Save the draft' }).click();
    await partner.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await partner.page.locator('.status-badge').first().textContent()).toBe('Draft');
    expect(await auditedAfterPointerRest(partner.page)).toEqual([]);
    await partner.page.getByRole('button', { name: 'Submit the request' }).click();
    await partner.page.locator('.status-badge[data-status="submitted"]').waitFor();
    const requestUrl = partner.page.url();
    // The partner does not see the screening: no eligibility, no assessment.
    expect(await partner.page.getByRole('heading', { name: 'Eligibility screening' }).count()).toBe(0);

    // The officer finds it on the triage board, screens it and sends it on.
    const officer = await as(demoAccounts.officer);
    await officer.page.getByRole('link', { name: 'Triage board' }).click();
    await officer.page.getByRole('heading', { level: 1, name: 'Triage board' }).waitFor();
    expect(await auditedAfterPointerRest(officer.page)).toEqual([]);
    const submittedColumn = officer.page.getByRole('region', { name: /^Submitted/ });
    const onBoard = submittedColumn.getByRole('link', { name: new RegExp(title) });
    expect(await onBoard.getAttribute('href')).toBe(new URL(requestUrl).pathname);
    await onBoard.click();
    await officer.page.waitForURL(requestUrl);
    await officer.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const eligibility = officer.page.getByTestId('eligibility');
    await eligibility.waitFor();
    expect(await eligibility.locator('[data-rule="country"]').getAttribute('data-outcome')).toBe('pass');
    expect(await eligibility.locator('[data-rule="overlap"]').textContent()).toContain('Jordan I');
    expect(await eligibility.locator('[data-rule="history"]').textContent()).toContain('Jordan I');
    expect(await auditedAfterPointerRest(officer.page)).toEqual([]);

    await officer.page.getByRole('button', { name: 'Start screening' }).click();
    await officer.page.locator('.status-badge[data-status="screening"]').waitFor();
    await officer.page
      .getByLabel('Assessment (for staff and the steering committee)')
      .fill('Eligible; extends Jordan I to children.');
    await officer.page.getByRole('combobox', { name: 'Recommendation' }).click();
    await officer.page.getByRole('option', { name: 'Approve' }).click();
    await officer.page.getByRole('button', { name: 'Save the assessment' }).click();
    await officer.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await officer.page.getByRole('button', { name: 'Send to the steering committee' }).click();
    await officer.page.locator('.status-badge[data-status="steering_review"]').waitFor();

    // A steering member approves it with a reason.
    const steering = await as(demoAccounts.steering);
    await steering.page.goto(new URL(requestUrl).pathname);
    await steering.page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await steering.page.getByText('Eligible; extends Jordan I to children.').count()).toBe(1);
    expect(await auditedAfterPointerRest(steering.page)).toEqual([]);
    await steering.page.getByLabel('Reason (the partner reads it)').fill('A clear follow-up to Jordan I.');
    await steering.page.getByRole('button', { name: 'Approve', exact: true }).click();
    await steering.page.locator('.status-badge[data-status="approved"]').waitFor();

    // The officer creates the Action.
    await officer.page.reload();
    await officer.page.getByRole('button', { name: 'Create the Action' }).click();
    const link = officer.page.getByRole('link', { name: 'Open the Action Jordan II' });
    await link.waitFor();
    await link.click();
    await officer.page.getByRole('heading', { level: 1, name: 'Jordan II' }).waitFor();
    expect(await officer.page.locator('.status-badge').first().textContent()).toBe('In design');

    // The partner reads the decision, is notified, and finds the Action among its Actions.
    await partner.page.reload();
    await partner.page.getByText('A clear follow-up to Jordan I.', { exact: true }).waitFor();
    const timeline = partner.page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('li').count()).toBe(5);
    await partner.page.getByRole('link', { name: /^Notifications \d+ unread$/ }).click();
    await partner.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await partner.page.getByText(/became the Action Jordan II/).waitFor();
    expect(await auditedAfterPointerRest(partner.page)).toEqual([]);
    await partner.page.getByRole('link', { name: 'Actions', exact: true }).click();
    const table = partner.page.getByRole('table');
    await table.waitFor();
    await settled(partner.page);
    expect(await table.locator('tbody th').allTextContents()).toContain('Jordan II');

    for (const { problems } of [partner, officer, steering]) expect(problems).toEqual([]);
    for (const context of contexts) await context.close();
  });
});
