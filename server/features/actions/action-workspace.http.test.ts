import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { actionIdOf, caller } from '../../test/requests.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let expert: SignedInHeaders;
const ids: Record<string, string> = {};

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
  for (const name of ['Ghana III', 'Jordan I', 'IberRed', 'Gambia I', 'Haiti I', 'Peru I', 'Senegal I']) {
    ids[name] = await actionIdOf(t, officer, name);
  }
});
afterAll(() => t.close());

const etag = (response: { headers: Record<string, unknown> }) => String(response.headers.etag);

describe('the design of an Action', () => {
  it('is read by everyone in scope with its objectives, progress and the partner’s comments', async () => {
    const response = await call(ghana, 'GET', `/api/actions/${ids['Ghana III']}/design`);
    expect(response.statusCode).toBe(200);
    const design = response.json();
    expect(design.overallObjective).toMatch(/entry points/);
    expect(design.specificObjectives).toHaveLength(2);
    expect(design.plannedActivities).toBe(7);
    expect(design.progress.activities).toBeGreaterThanOrEqual(6);
    expect(design.progress.expertDaysDeployed).toBeGreaterThan(0);
    expect(design.comments[0].authorRole).toBe('partner');
    expect(etag(response)).toBe(`"${design.version}"`);
    expect((await call(steering, 'GET', `/api/actions/${ids['Ghana III']}/design`)).statusCode).toBe(200);
    expect((await call(expert, 'GET', `/api/actions/${ids['Ghana III']}/design`)).statusCode).toBe(200);
  });

  it('answers 404 to another institution’s partner and to an expert not deployed there', async () => {
    expect((await call(jordan, 'GET', `/api/actions/${ids['Ghana III']}/design`)).statusCode).toBe(404);
    expect((await call(expert, 'GET', `/api/actions/${ids['Jordan I']}/design`)).statusCode).toBe(404);
    expect((await call(undefined, 'GET', `/api/actions/${ids['Ghana III']}/design`)).statusCode).toBe(401);
  });

  it('is changed by the staff with If-Match, and a stale version answers 412', async () => {
    const url = `/api/actions/${ids['Ghana III']}`;
    const read = await call(officer, 'GET', `${url}/design`);
    const noVersion = await call(officer, 'PATCH', url, { plannedExpertDays: 64 });
    expect(noVersion.statusCode).toBe(428);
    const changed = await call(
      officer,
      'PATCH',
      url,
      { plannedExpertDays: 64, partnerIds: [] },
      { 'if-match': etag(read) },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().plannedExpertDays).toBe(64);
    expect(changed.json().version).toBe(read.json().version + 1);
    const stale = await call(officer, 'PATCH', url, { plannedExpertDays: 70 }, { 'if-match': etag(read) });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_MISMATCH');
    // The Action's own ETag follows the same version.
    expect(etag(await call(officer, 'GET', url))).toBe(`"${changed.json().version}"`);
  });

  it('refuses unknown fields, bad values and unknown partners, naming the field', async () => {
    const url = `/api/actions/${ids['Ghana III']}`;
    const match = { 'if-match': etag(await call(officer, 'GET', `${url}/design`)) };
    const unknown = await call(officer, 'PATCH', url, { budget: 1 }, match);
    expect(unknown.statusCode).toBe(400);
    const negative = await call(officer, 'PATCH', url, { plannedActivities: -1 }, match);
    expect(negative.json().error.details[0].field).toBe('plannedActivities');
    const partner = await call(
      officer,
      'PATCH',
      url,
      { partnerIds: ['00000000-0000-4000-8000-000000000000'] },
      match,
    );
    expect(partner.statusCode).toBe(400);
    expect(partner.json().error.details[0].field).toBe('partnerIds');
    const empty = await call(officer, 'PATCH', url, {}, match);
    expect(empty.statusCode).toBe(400);
  });

  it('is not changed by a partner, who comments on it instead', async () => {
    const url = `/api/actions/${ids['Ghana III']}`;
    const match = { 'if-match': etag(await call(ghana, 'GET', `${url}/design`)) };
    const patch = await call(ghana, 'PATCH', url, { overallObjective: 'Ours' }, match);
    expect(patch.statusCode).toBe(403);
    const comment = await call(ghana, 'POST', `${url}/design-comments`, {
      body: 'Please plan the pilot in March.',
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().comments.at(-1)).toMatchObject({
      body: 'Please plan the pilot in March.',
      authorRole: 'partner',
    });
    expect((await call(steering, 'POST', `${url}/design-comments`, { body: 'x' })).statusCode).toBe(403);
    expect((await call(jordan, 'POST', `${url}/design-comments`, { body: 'x' })).statusCode).toBe(404);
  });
});

describe('the life of an Action', () => {
  it('starts an Action in design and records when', async () => {
    const started = await call(officer, 'POST', `/api/actions/${ids['Gambia I']}/start`);
    expect(started.statusCode).toBe(200);
    expect(started.json().status).toBe('implementation');
    expect(started.json().actualStart).toBe(new Date().toISOString().slice(0, 10));
    const again = await call(officer, 'POST', `/api/actions/${ids['Gambia I']}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACTION_TRANSITION_NOT_ALLOWED');
  });

  it('leaves the verbs to the staff: a partner gets 403 on its own Action and on another', async () => {
    expect(
      (await call(ghana, 'POST', `/api/actions/${ids['Ghana III']}/suspend`, { reason: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await call(ghana, 'POST', `/api/actions/${ids['Jordan I']}/suspend`, { reason: 'x' })).statusCode,
    ).toBe(403);
    expect((await call(steering, 'POST', `/api/actions/${ids['Ghana III']}/close`)).statusCode).toBe(403);
  });

  it('suspends with a reason and resumes where it was', async () => {
    const url = `/api/actions/${ids['Senegal I']}`;
    const noReason = await call(officer, 'POST', `${url}/suspend`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    expect((await call(officer, 'POST', `${url}/suspend`, { reason: 'Elections' })).json().status).toBe(
      'suspended',
    );
    expect((await call(officer, 'GET', `${url}/design`)).json().statusReason).toBe('Elections');
    expect((await call(officer, 'POST', `${url}/close`)).json().error.code).toBe(
      'ACTION_TRANSITION_NOT_ALLOWED',
    );
    expect((await call(officer, 'POST', `${url}/resume`)).json().status).toBe('implementation');
  });

  it('cannot complete while an activity is neither held nor cancelled, naming it', async () => {
    const response = await call(officer, 'POST', `/api/actions/${ids.IberRed}/complete`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ACTION_HAS_OPEN_ACTIVITIES');
    expect(response.json().error.message).toContain('Applying the protocol in victim-centred cases');
  });

  it('completes once every activity is settled and the closing summary is written', async () => {
    const url = `/api/actions/${ids.IberRed}`;
    const activities = (await call(officer, 'GET', `${url}/activities`)).json().items;
    const open = activities.find((a: { status: string }) => a.status === 'confirmed');
    const cancelled = await call(officer, 'POST', `/api/activities/${open.id}/cancel`, {
      reason: 'Merged with the plenary',
    });
    expect(cancelled.json().status).toBe('cancelled');
    const noSummary = await call(officer, 'POST', `${url}/complete`);
    expect(noSummary.json().error.code).toBe('CLOSING_SUMMARY_REQUIRED');
    const match = { 'if-match': etag(await call(officer, 'GET', `${url}/design`)) };
    await call(
      officer,
      'PATCH',
      url,
      { closingSummary: 'The protocol is in use.', lessonsLearnt: 'Start early.' },
      match,
    );
    const done = await call(officer, 'POST', `${url}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      actualEnd: new Date().toISOString().slice(0, 10),
    });
  });

  it('keeps a completed or cancelled Action closed to every change, saying why', async () => {
    const completed = `/api/actions/${ids.IberRed}`;
    const match = { 'if-match': etag(await call(officer, 'GET', `${completed}/design`)) };
    const edit = await call(officer, 'PATCH', completed, { lessonsLearnt: 'More' }, match);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ACTION_COMPLETED');
    expect((await call(officer, 'POST', `${completed}/suspend`, { reason: 'x' })).json().error.code).toBe(
      'ACTION_COMPLETED',
    );
    const newActivity = await call(officer, 'POST', `${completed}/activities`, {
      type: 'workshop',
      title: 'Too late',
      startDate: '2027-02-01',
      endDate: '2027-02-02',
      modality: 'online',
      workingLanguages: ['es'],
    });
    expect(newActivity.json().error.code).toBe('ACTION_COMPLETED');

    const cancelled = `/api/actions/${ids['Haiti I']}`;
    const match2 = { 'if-match': etag(await call(officer, 'GET', `${cancelled}/design`)) };
    const edit2 = await call(officer, 'PATCH', cancelled, { overallObjective: 'x' }, match2);
    expect(edit2.json().error.code).toBe('ACTION_CANCELLED');
    expect(
      (await call(officer, 'POST', `${cancelled}/design-comments`, { body: 'x' })).json().error.code,
    ).toBe('ACTION_CANCELLED');
  });
});

describe('the timeline of an Action', () => {
  it('puts status changes, deployments, deliverables and activities in date order', async () => {
    const { items } = (await call(officer, 'GET', `/api/actions/${ids['Ghana III']}/timeline`)).json();
    const kinds = items.map((item: { kind: string }) => item.kind);
    expect(kinds[0]).toBe('action.started');
    expect(kinds).toEqual(
      expect.arrayContaining(['activity', 'expert.deployed', 'deliverable.version_added']),
    );
    const dates = items.map((item: { at: string }) => item.at);
    expect([...dates].sort()).toEqual(dates);
    // Staff see the internal needs-assessment report's steps.
    expect(items.some((item: { label: string }) => item.label.includes('(internal)'))).toBe(true);
  });

  it('shows a partner no step of an internal deliverable', async () => {
    const { items } = (await call(ghana, 'GET', `/api/actions/${ids['Ghana III']}/timeline`)).json();
    expect(items.length).toBeGreaterThan(5);
    expect(items.some((item: { label: string }) => item.label.includes('(internal)'))).toBe(false);
    expect((await call(jordan, 'GET', `/api/actions/${ids['Ghana III']}/timeline`)).statusCode).toBe(404);
  });

  it('shows an expert only the steps of their own activities and deliverables', async () => {
    const { items } = (await call(expert, 'GET', `/api/actions/${ids['Ghana III']}/timeline`)).json();
    const labels = items.map((item: { label: string }) => item.label);
    expect(labels).toContain('Training of trainers on the module');
    expect(labels).toContain('Training module on THB: detection, investigation and referral of victims');
    // The workshop on entry points is not theirs: neither it nor its deployments show.
    expect(labels).not.toContain('Workshop on detecting victims at entry points');
    const staffLabels = (await call(officer, 'GET', `/api/actions/${ids['Ghana III']}/timeline`))
      .json()
      .items.map((item: { label: string }) => item.label);
    expect(staffLabels).toContain('Workshop on detecting victims at entry points');
  });
});
