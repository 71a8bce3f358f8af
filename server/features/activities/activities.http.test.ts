import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.ts';
import { cacheVersions } from '../../kernel/cache/cache.table.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { multipartBody } from '../../test/multipart.ts';
import { actionIdOf, caller } from '../../test/requests.ts';
import type { ActivityListItem } from './activities.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let expert: SignedInHeaders;
let ghanaId: string;
let jordanId: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, steering, ghana, jordan, expert] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('partner.jordan@demo.tandem.test'),
    t.signIn('expert@demo.tandem.test'),
  ]);
  ghanaId = await actionIdOf(t, officer, 'Ghana III');
  jordanId = await actionIdOf(t, officer, 'Jordan I');
});
afterAll(() => t.close());

const training = (overrides: Record<string, unknown> = {}) => ({
  type: 'training',
  title: 'Training for officials of the Elubo border post',
  startDate: '2027-04-12',
  endDate: '2027-04-15',
  modality: 'in_person',
  city: 'Elubo',
  countryCode: 'GH',
  workingLanguages: ['en'],
  agenda: 'Indicators, interviews, referral.',
  ...overrides,
});
const titles = (items: ActivityListItem[]) => items.map((a) => a.title);

describe('the activities of an Action', () => {
  it('are listed in date order for staff, steering and the Action’s partner', async () => {
    const response = await call(officer, 'GET', `/api/actions/${ghanaId}/activities`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.map((a: ActivityListItem) => a.startDate)).toEqual(
      [...items.map((a: ActivityListItem) => a.startDate)].sort(),
    );
    expect(new Set(items.map((a: ActivityListItem) => a.status))).toEqual(
      new Set(['reported', 'held', 'confirmed', 'planned']),
    );
    expect((await call(steering, 'GET', `/api/actions/${ghanaId}/activities`)).json().items).toHaveLength(
      items.length,
    );
    expect((await call(ghana, 'GET', `/api/actions/${ghanaId}/activities`)).json().items).toHaveLength(
      items.length,
    );
  });

  it('answer 404 to another institution’s partner, for the list and for each activity', async () => {
    expect((await call(ghana, 'GET', `/api/actions/${jordanId}/activities`)).statusCode).toBe(404);
    const jordanActivity = (await call(jordan, 'GET', `/api/actions/${jordanId}/activities`)).json().items[0];
    expect((await call(jordan, 'GET', `/api/activities/${jordanActivity.id}`)).statusCode).toBe(200);
    expect((await call(ghana, 'GET', `/api/activities/${jordanActivity.id}`)).statusCode).toBe(404);
  });

  it('show an expert only the activities they are deployed on', async () => {
    const mine = (await call(expert, 'GET', `/api/actions/${ghanaId}/activities`)).json().items;
    expect(titles(mine).sort()).toEqual([
      'Drafting session: the training module',
      'Needs-assessment mission with Ghana Immigration Service',
      'Training of trainers on the module',
    ]);
    const all = (await call(officer, 'GET', `/api/actions/${ghanaId}/activities`)).json().items;
    const notMine = all.find((a: ActivityListItem) => a.title.startsWith('Workshop on detecting'));
    expect((await call(expert, 'GET', `/api/activities/${notMine.id}`)).statusCode).toBe(404);
    expect((await call(expert, 'GET', `/api/actions/${jordanId}/activities`)).statusCode).toBe(404);
  });

  it('show a partner the experts’ countries and roles, never their names', async () => {
    const all = (await call(ghana, 'GET', `/api/actions/${ghanaId}/activities`)).json().items;
    const mission = all.find((a: ActivityListItem) => a.type === 'needs_assessment');
    const seen = (await call(ghana, 'GET', `/api/activities/${mission.id}`)).json();
    expect(seen.deployments).toHaveLength(2);
    for (const d of seen.deployments) {
      expect(d).toMatchObject({ expertId: null, expertName: null, feedback: null });
      expect(d.expertCountry).toMatch(/^[A-Z]{2}$/);
    }
    expect(JSON.stringify(seen)).not.toContain('Expert-Demo');
    const asStaff = (await call(officer, 'GET', `/api/activities/${mission.id}`)).json();
    expect(asStaff.deployments.map((d: { expertName: string }) => d.expertName)).toContain(
      'Erik Expert-Demo',
    );
    expect(asStaff.deployments[0].feedback.score).toBeGreaterThan(0);
    const asExpert = (await call(expert, 'GET', `/api/activities/${mission.id}`)).json();
    expect(asExpert.deployments.map((d: { expertName: string | null }) => d.expertName).sort()).toEqual([
      'Erik Expert-Demo',
      null,
    ]);
  });
});

describe('planning and changing an activity', () => {
  let activityId: string;

  it('is for the staff: a partner and a steering member get 403', async () => {
    expect((await call(ghana, 'POST', `/api/actions/${ghanaId}/activities`, training())).statusCode).toBe(
      403,
    );
    expect((await call(steering, 'POST', `/api/actions/${ghanaId}/activities`, training())).statusCode).toBe(
      403,
    );
    // The role is refused before the Action is looked up: another institution's partner learns nothing.
    expect((await call(jordan, 'POST', `/api/actions/${ghanaId}/activities`, training())).statusCode).toBe(
      403,
    );
  });

  it('refuses bad input field by field', async () => {
    const post = (body: unknown) =>
      call(officer, 'POST', `/api/actions/${ghanaId}/activities`, body as object);
    const fields = async (body: unknown) =>
      (await post(body)).json().error.details.map((d: { field: string }) => d.field);
    expect(await fields(training({ endDate: '2027-04-01' }))).toContain('endDate');
    expect(await fields(training({ countryCode: undefined }))).toContain('countryCode');
    expect(await fields(training({ type: 'party' }))).toContain('type');
    expect(await fields(training({ workingLanguages: [] }))).toContain('workingLanguages');
    expect(await fields(training({ colour: 'red' }))).toEqual(expect.arrayContaining([expect.any(String)]));
    expect((await post(training({ colour: 'red' }))).statusCode).toBe(400);
  });

  it('plans a training in the writer’s language', async () => {
    const response = await call(officer, 'POST', `/api/actions/${ghanaId}/activities`, training());
    expect(response.statusCode).toBe(201);
    const activity = response.json();
    expect(activity).toMatchObject({
      status: 'planned',
      city: 'Elubo',
      expertCount: 0,
      actionName: 'Ghana III',
    });
    activityId = activity.id;
    const inFrench = await call(
      officer,
      'POST',
      `/api/actions/${ghanaId}/activities`,
      training({ title: 'Formation en ligne', modality: 'online', city: 'Accra' }),
      { 'accept-language': 'fr' },
    );
    expect(inFrench.json()).toMatchObject({ title: 'Formation en ligne', city: null, countryCode: null });
  });

  it('changes with If-Match: 428 without it, 412 when stale', async () => {
    const url = `/api/activities/${activityId}`;
    const read = await call(officer, 'GET', url);
    expect(read.headers.etag).toBe('"1"');
    expect((await call(officer, 'PATCH', url, { city: 'Takoradi' })).statusCode).toBe(428);
    const changed = await call(officer, 'PATCH', url, { city: 'Takoradi' }, { 'if-match': '"1"' });
    expect(changed.json()).toMatchObject({ city: 'Takoradi', version: 2 });
    const stale = await call(officer, 'PATCH', url, { city: 'Accra' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const reversed = await call(officer, 'PATCH', url, { endDate: '2027-04-01' }, { 'if-match': '"2"' });
    expect(reversed.json().error.details[0].field).toBe('endDate');
  });

  it('goes planned → confirmed, and postpones or cancels only with a reason', async () => {
    const url = `/api/activities/${activityId}`;
    expect((await call(officer, 'POST', `${url}/confirm`)).json().status).toBe('confirmed');
    const noReason = await call(officer, 'POST', `${url}/postpone`, {});
    expect(noReason.json().error.details[0].field).toBe('reason');
    const postponed = await call(officer, 'POST', `${url}/postpone`, { reason: 'Border post renovation' });
    expect(postponed.json()).toMatchObject({ status: 'postponed', statusReason: 'Border post renovation' });
    expect((await call(officer, 'POST', `${url}/hold`)).json().error.code).toBe(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
    );
    expect((await call(officer, 'POST', `${url}/confirm`)).json()).toMatchObject({
      status: 'confirmed',
      statusReason: null,
    });
    expect((await call(ghana, 'POST', `${url}/cancel`, { reason: 'x' })).statusCode).toBe(403);
  });

  it('is not marked as held before it starts', async () => {
    const response = await call(officer, 'POST', `/api/activities/${activityId}/hold`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('2027-04-12');
  });
});

describe('holding and reporting an activity', () => {
  let pastId: string;

  it('holds an activity that has started, then closes it to changes', async () => {
    const created = await call(
      officer,
      'POST',
      `/api/actions/${ghanaId}/activities`,
      training({
        title: 'Coaching at Kotoka airport',
        type: 'coaching',
        startDate: '2026-11-02',
        endDate: '2026-11-03',
        city: 'Accra',
      }),
    );
    pastId = created.json().id;
    await call(officer, 'POST', `/api/activities/${pastId}/confirm`);
    const held = await call(officer, 'POST', `/api/activities/${pastId}/hold`);
    expect(held.json().status).toBe('held');
    const edit = await call(
      officer,
      'PATCH',
      `/api/activities/${pastId}`,
      { city: 'Tema' },
      { 'if-match': `"${held.json().version}"` },
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ACTIVITY_CLOSED');
    expect(
      (await call(officer, 'POST', `/api/activities/${pastId}/cancel`, { reason: 'x' })).statusCode,
    ).toBe(409);
  });

  it('files the mission report: a checked file and a summary', async () => {
    const url = `/api/activities/${pastId}/report`;
    const fake = multipartBody(
      { summary: 'Went well' },
      { name: 'report.pdf', bytes: Buffer.from('not a pdf at all') },
    );
    const refused = await call(officer, 'POST', url, fake.payload, fake.headers);
    expect(refused.statusCode).toBe(415);
    const noSummary = multipartBody({}, { name: 'report.pdf', bytes: demoPdf('Report', ['Text']) });
    expect(
      (await call(officer, 'POST', url, noSummary.payload, noSummary.headers)).json().error.details[0].field,
    ).toBe('summary');
    const byPartner = multipartBody(
      { summary: 'x' },
      { name: 'report.pdf', bytes: demoPdf('Report', ['Text']) },
    );
    expect((await call(ghana, 'POST', url, byPartner.payload, byPartner.headers)).statusCode).toBe(403);
    const good = multipartBody(
      { summary: 'Twelve officers coached on first-contact interviews.' },
      { name: 'Mission report.pdf', bytes: demoPdf('Mission report', ['Twelve officers coached.']) },
    );
    const reported = await call(officer, 'POST', url, good.payload, good.headers);
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({
      status: 'reported',
      report: {
        summary: 'Twelve officers coached on first-contact interviews.',
        file: { name: 'Mission report.pdf', mediaType: 'application/pdf' },
      },
    });
  });

  it('lets the partner download the report as an attachment, and nobody outside the Action', async () => {
    const download = await call(ghana, 'GET', `/api/activities/${pastId}/report`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(jordan, 'GET', `/api/activities/${pastId}/report`)).statusCode).toBe(404);
    expect((await call(undefined, 'GET', `/api/activities/${pastId}/report`)).statusCode).toBe(401);
  });
});

describe('the portfolio calendar', () => {
  it('lists activities across Actions, filtered by region, country, topic, type and dates', async () => {
    const get = async (query: string, who = officer) =>
      (await call(who, 'GET', `/api/activities?${query}`)).json();
    const all = await get('pageSize=500');
    expect(new Set(all.items.map((a: ActivityListItem) => a.actionName)).size).toBeGreaterThanOrEqual(6);
    const asia = await get('region=asia&pageSize=500');
    expect(new Set(asia.items.map((a: ActivityListItem) => a.actionName))).toEqual(
      new Set(['Thailand I', 'Timor-Leste I']),
    );
    const peru = await get('country=PE&type=training');
    expect(
      peru.items.every((a: ActivityListItem) => a.actionName === 'Peru III' && a.type === 'training'),
    ).toBe(true);
    const som = await get('topic=som&pageSize=500');
    expect(new Set(som.items.map((a: ActivityListItem) => a.actionName))).toEqual(new Set(['Peru III']));
    const january = await get('from=2027-01-01&to=2027-01-31');
    expect(january.total).toBeGreaterThan(0);
    for (const a of january.items) {
      expect(a.endDate >= '2027-01-01' && a.startDate <= '2027-01-31').toBe(true);
    }
    // A period that begins on the last day of a multi-day activity: it is in, with exactly the others
    // that overlap (the list bounds the start date by the longest activity's duration).
    const multiDay = all.items.find((a: ActivityListItem) => a.startDate < a.endDate);
    expect(multiDay).toBeDefined();
    const lastDay = multiDay.endDate;
    const overlapping = await get(`from=${lastDay}&to=${lastDay}&pageSize=500`);
    const expected = all.items.filter(
      (a: ActivityListItem) => a.startDate <= lastDay && a.endDate >= lastDay,
    );
    expect(overlapping.items.map((a: ActivityListItem) => a.id).sort()).toEqual(
      expected.map((a: ActivityListItem) => a.id).sort(),
    );
    expect(overlapping.items.map((a: ActivityListItem) => a.id)).toContain(multiDay.id);
    expect((await call(officer, 'GET', '/api/activities?from=2027-02-01&to=2027-01-01')).statusCode).toBe(
      400,
    );
  });

  it('shows a partner only its own Actions’ activities and an expert only theirs', async () => {
    const partner = (await call(ghana, 'GET', '/api/activities?pageSize=500')).json();
    expect(new Set(partner.items.map((a: ActivityListItem) => a.actionName))).toEqual(new Set(['Ghana III']));
    const mine = (await call(expert, 'GET', '/api/activities?pageSize=500')).json();
    expect(new Set(mine.items.map((a: ActivityListItem) => a.actionName))).toEqual(
      new Set(['Ghana III', 'Timor-Leste I']),
    );
    expect(mine.total).toBe(6);
  });
});

describe('the public portfolio’s cache', () => {
  it('is invalidated by a change to activities, deployments, experts or deliverables', async () => {
    const version = async () => {
      const [row] = await t.database.db
        .select({ version: cacheVersions.version })
        .from(cacheVersions)
        .where(eq(cacheVersions.name, 'portfolio'));
      return row?.version ?? 0;
    };
    const before = await version();
    const created = await call(
      officer,
      'POST',
      `/api/actions/${ghanaId}/activities`,
      training({ title: 'Cache check' }),
    );
    const afterActivity = await version();
    expect(afterActivity).toBeGreaterThan(before);
    const roster = (await call(officer, 'GET', '/api/experts?q=Lars')).json().items;
    await call(officer, 'POST', `/api/activities/${created.json().id}/experts`, {
      expertId: roster[0].id,
      role: 'trainer',
      days: 2,
    });
    const afterDeployment = await version();
    expect(afterDeployment).toBeGreaterThan(afterActivity);
    await call(officer, 'POST', `/api/actions/${ghanaId}/deliverables`, {
      type: 'guidelines',
      title: 'Cache check',
      languages: ['en'],
      visibility: 'public',
    });
    expect(await version()).toBeGreaterThan(afterDeployment);
  });
});
