import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublicActionPage } from '../server/features/public/public.contract.ts';
import type { IndicatorView } from '../server/features/results/results.contract.ts';
import {
  type Browser,
  demoAccounts,
  demoPassword,
  launchBrowser,
  seriousViolations,
  settled,
  signedInPage,
} from './harness.ts';

// Story: after a training in Ghana, the officer records who attended and the post-test scores; the
// Action's indicator "officials trained, by sex" counts the two officials who attended at least 80%
// of it, and the learning gain shows beside the scores. A participant answers a test on a phone
// through a one-time link. Every page on the way passes axe.
const baseUrl = inject('baseUrl');
let browser: Browser;
let ghanaId: string;
let trainingId: string;
let session: { cookie: string; csrf: string };

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const TITLE = 'Refresher training on referral for Tema port officials';

beforeAll(async () => {
  browser = await launchBrowser();
  const found = (
    (await (await fetch(`${baseUrl}/api/public/actions?q=Ghana%20III`)).json()) as PublicActionPage
  ).items.find((a) => a.name === 'Ghana III');
  if (!found) throw new Error('Ghana III is not in the demo portfolio');
  ghanaId = found.id;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.officer, password: demoPassword }),
  });
  session = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
  };
  // What came before this story: the training was planned, confirmed and held, two officials were
  // registered, and its test was written.
  const activity = await api<{ id: string }>('POST', `/api/actions/${ghanaId}/activities`, {
    type: 'training',
    title: TITLE,
    startDate: '2026-10-12',
    endDate: '2026-10-13',
    modality: 'in_person',
    city: 'Tema',
    countryCode: 'GH',
    workingLanguages: ['en'],
  });
  trainingId = activity.id;
  await api('POST', `/api/activities/${trainingId}/confirm`);
  await api('POST', `/api/activities/${trainingId}/hold`);
  for (const [fullName, sex] of [
    ['Abena Testwoman', 'female'],
    ['Kwame Testman', 'male'],
  ] as const) {
    await api('POST', `/api/activities/${trainingId}/participants`, {
      person: {
        fullName,
        institutionName: 'Ghana Ports and Harbours Authority',
        sex,
        positionLevel: 'junior',
        lawfulBasis: 'public_task',
      },
    });
  }
  await api('PUT', `/api/activities/${trainingId}/test`, {
    questions: [
      {
        text: 'Which sign may point to trafficking?',
        options: ['A return ticket', 'Someone else holds the passport'],
        answer: 1,
      },
      { text: 'Who is referred first?', options: ['The presumed victim', 'The recruiter'], answer: 0 },
      {
        text: 'An interview with a presumed victim is…',
        options: ['Trauma-informed', 'As short as possible'],
        answer: 0,
      },
      {
        text: 'The referral pathway involves…',
        options: ['Only the police', 'Four institutions'],
        answer: 1,
      },
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

async function officialsTrained2026() {
  const items = (await api<{ items: IndicatorView[] }>('GET', `/api/actions/${ghanaId}/indicators`)).items;
  const indicator = items.find((i) => i.source === 'officials_trained');
  const period = indicator?.periods.find((p) => p.start === '2026-01-01');
  if (!indicator || !period?.actual)
    throw new Error('Ghana III has no “officials trained” indicator for 2026');
  return { indicatorId: indicator.id, actual: period.actual };
}

describe('the Ghana training’s attendance, tests and results', () => {
  it('counts the officials trained by sex once their attendance is recorded, and shows the learning gain', async () => {
    const before = await officialsTrained2026();
    const { context, page: officer, problems } = await signedInPage(browser, baseUrl, demoAccounts.officer);

    // The results tab before: the indicator with its chart and table.
    await officer.goto(`/app/actions/${ghanaId}?tab=results`);
    await officer.getByRole('heading', { name: 'Officials trained, by sex' }).first().waitFor();
    expect(await seriousViolations(officer)).toEqual([]);
    const cell = officer.getByTestId(`actual-${before.indicatorId}-2026-01-01`);
    await expect.poll(() => cell.textContent()).toContain(String(before.actual.total));

    // The officer opens the training, ticks who was present on both days and saves.
    await officer.goto(`/app/activities/${trainingId}`);
    await officer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settled(officer);
    for (const name of ['Abena Testwoman', 'Kwame Testman']) {
      const boxes = officer.getByRole('checkbox', { name: new RegExp(`^${name} present on`) });
      await expect.poll(() => boxes.count()).toBe(2);
      for (const box of await boxes.all()) await box.check();
    }
    await officer.getByRole('button', { name: 'Save attendance' }).click();
    await officer.getByText('Attendance saved.').waitFor();

    // ...and enters the pre- and post-test scores from the paper tests.
    for (const [phase, scores] of [
      ['pre', [1, 2]],
      ['post', [4, 3]],
    ] as const) {
      await officer.getByRole('button', { name: `Enter ${phase}-test scores` }).click();
      await officer
        .getByLabel(`${phase === 'pre' ? 'Pre' : 'Post'}-test score of Abena Testwoman`)
        .fill(String(scores[0]));
      await officer
        .getByLabel(`${phase === 'pre' ? 'Pre' : 'Post'}-test score of Kwame Testman`)
        .fill(String(scores[1]));
      await officer.getByRole('button', { name: `Save ${phase}-test scores` }).click();
      await officer.getByRole('button', { name: `Enter ${phase}-test scores` }).waitFor();
    }
    // Gains beside the scores: Abena (1 → 4 of 4) 1, Kwame (2 → 3) 0.5; the group 0.8.
    const scoresTable = officer.getByRole('table', { name: /^Scores \(out of 4\)/ });
    const row = (name: string) => scoresTable.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row('Abena Testwoman').textContent()).toMatch(/4\s*1$/);
    await expect.poll(() => row('Kwame Testman').textContent()).toMatch(/3\s*0\.5$/);
    await expect.poll(() => officer.getByTestId('group-gain').textContent()).toContain('0.8');
    expect(await seriousViolations(officer)).toEqual([]);

    // The indicator now counts one more woman and one more man.
    await officer.goto(`/app/actions/${ghanaId}?tab=results`);
    await officer.getByRole('heading', { name: 'Officials trained, by sex' }).first().waitFor();
    const total = before.actual.total ?? 0;
    const women = before.actual.female ?? 0;
    const men = before.actual.male ?? 0;
    await expect.poll(() => cell.textContent()).toBe(`${total + 2} (women ${women + 1}, men ${men + 1})`);
    await officer.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    expect(await seriousViolations(officer)).toEqual([]);

    // The portfolio page for staff, with its chart and tables.
    await officer.goto('/app/results?year=2026');
    await officer.getByRole('heading', { level: 1, name: 'Portfolio results' }).waitFor();
    await officer.getByRole('table', { name: 'Officials trained by region' }).waitFor();
    expect(await seriousViolations(officer)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a participant answer once on a phone through a one-time link, seeing only the questions', async () => {
    const links = await api<{ items: { fullName: string; url: string }[] }>(
      'POST',
      `/api/activities/${trainingId}/test-links`,
      { phase: 'post', validForHours: 2 },
    );
    const link = links.items.find((l) => l.fullName === 'Kwame Testman');
    if (!link) throw new Error('no link for Kwame');
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${baseUrl}${new URL(link.url).pathname}`);
    await page.getByRole('heading', { level: 1, name: 'Test after the training' }).waitFor();
    expect(await page.content()).not.toContain('Kwame');
    expect(await page.content()).not.toContain(TITLE);
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(violations).toEqual([]);
    await page.getByRole('radio', { name: 'Someone else holds the passport' }).check();
    await page.getByRole('radio', { name: 'The presumed victim' }).check();
    await page.getByRole('radio', { name: 'Trauma-informed' }).check();
    await page.getByRole('radio', { name: 'Four institutions' }).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('status').waitFor();
    const again = await fetch(link.url.replace(/^https?:\/\/[^/]+/, baseUrl));
    expect(again.status).toBe(410);
    const scores = await api<{ participants: { fullName: string; post: number | null }[] }>(
      'GET',
      `/api/activities/${trainingId}/test-scores`,
    );
    expect(scores.participants.find((p) => p.fullName === 'Kwame Testman')?.post).toBe(4);
    await phone.close();
  });
});
