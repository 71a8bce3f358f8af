import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ActionDesign } from '../server/features/actions/action-design.contract.ts';
import type { PublicActionPage } from '../server/features/public/public.contract.ts';
import { type Browser, demoAccounts, launchBrowser, seriousViolations, signedInPage } from './harness.ts';

// Story: the officer and the administrator open the design of the same Action at the same time.
// The officer saves first. The administrator's save meets the officer's change: the page shows,
// field by field, where the two differ; the administrator keeps their overall objective, takes
// the officer's lessons learnt, and saves. The design then holds exactly that, with the officer's
// closing summary, which the administrator never touched.
const baseUrl = inject('baseUrl');
let browser: Browser;
let actionId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // An Action of its own, open for changes, so that no other journey's edits meet this one's.
  const response = await fetch(`${baseUrl}/api/public/actions?pageSize=50`);
  const found = ((await response.json()) as PublicActionPage).items.find(
    (a) => a.name !== 'Ghana III' && !['completed', 'cancelled'].includes(a.status),
  );
  if (!found) throw new Error('no open Action in the demo portfolio');
  actionId = found.id;
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in and opens the design form of the Action. */
async function openDesignForm(email: string) {
  const { context, page, problems } = await signedInPage(browser, baseUrl, email);
  await page.goto(`/app/actions/${actionId}?tab=design`);
  await page.getByRole('button', { name: 'Edit the design' }).click();
  const form = page.getByRole('form', { name: 'Design of the Action' });
  await form.getByLabel('Overall objective').waitFor();
  return { context, page, form, problems };
}

describe('two people save the same design', () => {
  it('shows the conflict field by field and saves what the second person chose', async () => {
    const officer = await openDesignForm(demoAccounts.officer);
    const admin = await openDesignForm(demoAccounts.admin);

    // The officer changes three fields and saves first.
    await officer.form.getByLabel('Overall objective').fill('Objective as the officer wrote it');
    await officer.form.getByLabel('Lessons learnt').fill('Lessons as the officer wrote them');
    await officer.form.getByLabel('Closing summary').fill('Closing summary by the officer');
    await officer.form.getByRole('button', { name: 'Save', exact: true }).click();
    await officer.page.getByRole('button', { name: 'Edit the design' }).waitFor();

    // The administrator, still on the version they opened, changes two of them and saves.
    await admin.form.getByLabel('Overall objective').fill('Objective as the administrator wrote it');
    await admin.form.getByLabel('Lessons learnt').fill('Lessons as the administrator wrote them');
    await admin.form.getByRole('button', { name: 'Save', exact: true }).click();

    // The conflict is announced, and asks about the two fields both changed, not the closing summary.
    const conflict = admin.page.getByRole('region', { name: 'Someone else saved this first' });
    await conflict.waitFor();
    await expect
      .poll(() => conflict.getByRole('alert').textContent())
      .toContain('2 fields you changed now hold something else');
    const objective = conflict.getByRole('radiogroup', { name: 'Overall objective' });
    const lessons = conflict.getByRole('radiogroup', { name: 'Lessons learnt' });
    expect(await conflict.getByRole('radiogroup').count()).toBe(2);
    expect(await objective.textContent()).toContain('Objective as the administrator wrote it');
    expect(await objective.textContent()).toContain('Objective as the officer wrote it');

    expect(await seriousViolations(admin.page)).toEqual([]);

    // Keep mine for the objective (by keyboard: it is chosen already), take theirs for the lessons.
    expect(await objective.getByRole('radio', { name: 'Keep mine' }).isChecked()).toBe(true);
    await lessons.getByRole('radio', { name: 'Keep mine' }).focus();
    await admin.page.keyboard.press('ArrowDown');
    expect(await lessons.getByRole('radio', { name: 'Take theirs' }).isChecked()).toBe(true);
    await conflict.getByRole('button', { name: 'Save with these choices' }).click();
    await admin.page.getByRole('button', { name: 'Edit the design' }).waitFor();

    const saved = (await (
      await admin.page.request.get(`/api/actions/${actionId}/design`)
    ).json()) as ActionDesign;
    expect(saved.overallObjective).toBe('Objective as the administrator wrote it');
    expect(saved.lessonsLearnt).toBe('Lessons as the officer wrote them');
    expect(saved.closingSummary).toBe('Closing summary by the officer');
    // The view shows what was saved.
    await admin.page.getByText('Objective as the administrator wrote it').waitFor();

    expect([...officer.problems, ...admin.problems]).toEqual([]);
    await officer.context.close();
    await admin.context.close();
  });
});
