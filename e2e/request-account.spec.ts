import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  collectPageProblems,
  demoAccounts,
  demoPassword,
  launchBrowser,
  newContext,
} from './harness.ts';

// Story: someone at a public institution reads how to request assistance and asks for a partner
// account; an administrator then finds the request.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function adminRequests() {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.admin, password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const response = await fetch(`${baseUrl}/api/admin/account-requests`, { headers: { cookie } });
  return (await response.json()) as { items: { institution: string; email: string; country: string }[] };
}

describe('a focal point asking for a partner account', () => {
  it('is told what is missing, then sends the request, which an administrator can read', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Request assistance' }).first().click();
    await page.waitForURL('**/request-assistance');
    await page.getByRole('heading', { level: 2, name: 'What happens next' }).waitFor();
    await page.waitForLoadState('networkidle');

    const form = page.getByRole('form', { name: 'Ask for a partner account' });
    await form.getByLabel(/^Your name/).fill('Kofi Demo-Requester');
    await form.getByRole('button', { name: 'Send the request' }).click();
    // The first missing field takes the focus and says what it needs, in words tied to it.
    const email = form.getByLabel(/^E-mail address/);
    await expect.poll(() => email.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await email.getAttribute('aria-describedby')}`).textContent()).toBe(
      'This field is required.',
    );

    await email.fill('kofi.requester@example.org');
    await form.getByLabel(/^Institution/).fill('Demo Anti-Human Trafficking Unit, Ghana Police Service');
    await form.getByLabel(/^Country of the institution/).selectOption('GH');
    await form
      .getByLabel(/^What would your institution like/)
      .fill('Peer support to train investigators who handle trafficking cases at the borders.');
    await form.getByLabel(/^I agree/).check();
    await form.getByRole('button', { name: 'Send the request' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Thank you' });
    await status.waitFor();
    expect(await form.getByLabel(/^Your name/).inputValue()).toBe('');

    const { items } = await adminRequests();
    expect(items[0]).toMatchObject({
      institution: 'Demo Anti-Human Trafficking Unit, Ghana Police Service',
      email: 'kofi.requester@example.org',
      country: 'GH',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
