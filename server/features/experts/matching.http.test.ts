import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { actionIdOf, caller } from '../../test/requests.ts';
import type { ExpertMatch } from './matching.contract.ts';
import { rankExperts, rankExpertsSql } from './matching.queries.ts';
import { prunedRankingSuffices } from './matching.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let ghana: SignedInHeaders;
let jordan: SignedInHeaders;
let steering: SignedInHeaders;
let ghanaId: string;
let trainingId: string;
const expertIds: Record<string, string> = {};

const plan = async (title: string, startDate: string, endDate: string) => {
  const response = await call(officer, 'POST', `/api/actions/${ghanaId}/activities`, {
    type: 'training',
    title,
    startDate,
    endDate,
    modality: 'in_person',
    city: 'Accra',
    countryCode: 'GH',
    workingLanguages: ['en'],
  });
  return response.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, ghana, jordan, steering] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('partner.ghana@demo.tandem.test'),
    t.signIn('partner.jordan@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
  ]);
  ghanaId = await actionIdOf(t, officer, 'Ghana III');
  const roster = (await call(officer, 'GET', '/api/experts?pageSize=100')).json().items;
  for (const e of roster) expertIds[e.fullName] = e.id;
  // The same week as the Ghana training of trainers, on which two experts are deployed.
  trainingId = await plan('Refresher training on referral', '2027-01-26', '2027-01-28');
});
afterAll(() => t.close());

const matchesFor = async (activityId: string, who = officer) =>
  call(who, 'GET', `/api/activities/${activityId}/expert-matches?limit=40`);

describe('GET /api/activities/:id/expert-matches', () => {
  it('ranks the roster with reasons whose points add up to each score, best first', async () => {
    const response = await matchesFor(trainingId);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.criteria).toMatchObject({
      topics: ['thb'],
      languages: ['en'],
      underRepresentedGender: 'female',
    });
    const scores = body.matches.map((m: ExpertMatch) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const match of body.matches as ExpertMatch[]) {
      const sum = match.reasons.reduce((total, r) => total + r.points, 0);
      expect(match.score).toBeCloseTo(sum, 5);
      expect(new Set(match.reasons.map((r) => r.criterion))).toEqual(
        new Set(['topic', 'language', 'experience', 'availability', 'feedback', 'balance']),
      );
    }
  });

  it('puts first a woman peer from a partner country who knows Ghana and the topic', async () => {
    const [best] = (await matchesFor(trainingId)).json().matches as ExpertMatch[];
    expect(best?.expert.fullName).toBe('Wanjiru Mfano');
    const codes = best?.reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'topics',
        'languages',
        'country_experience',
        'feedback',
        'gender_balance',
        'partner_country',
      ]),
    );
    expect(best?.reasons.find((r) => r.code === 'country_experience')?.params.country).toBe('GH');
  });

  it('ranks experts who work on the topic and speak the language above those who do not', async () => {
    const matches = (await matchesFor(trainingId)).json().matches as ExpertMatch[];
    const rank = (name: string) => matches.findIndex((m) => m.expert.fullName === name);
    // Seán Sampla (THB, English, Ghana) against Jonas Pavyzdys (smuggling, no Ghana).
    expect(rank('Seán Sampla')).toBeGreaterThanOrEqual(0);
    expect(rank('Seán Sampla')).toBeLessThan(rank('Jonas Pavyzdys'));
    const sean = matches[rank('Seán Sampla')];
    // His declared availability ends in 2026: no points for it, and the reason says so.
    expect(sean?.reasons.find((r) => r.criterion === 'availability')).toMatchObject({
      code: 'not_declared_available',
      points: 0,
    });
  });

  it('never proposes an expert booked on overlapping dates', async () => {
    const body = (await matchesFor(trainingId)).json();
    const names = body.matches.map((m: ExpertMatch) => m.expert.fullName);
    expect(names).not.toContain('Erik Expert-Demo');
    expect(names).not.toContain('Chinedu Example');
    expect(body.excludedBusy).toBeGreaterThanOrEqual(2);
    const elsewhere = await plan('Training in March', '2027-03-01', '2027-03-02');
    const later = (await matchesFor(elsewhere)).json().matches.map((m: ExpertMatch) => m.expert.fullName);
    expect(later).toContain('Erik Expert-Demo');
  });

  it('ranks the same experts whether it first looks among topic and country experts or not', async () => {
    const request = {
      activityId: trainingId,
      startDate: '2027-01-26',
      endDate: '2027-01-28',
      topics: ['thb'],
      languages: ['en'],
      countries: ['GH'],
      regions: ['africa'],
      underRepresentedGender: 'female',
      limit: 10,
    };
    const rows = async (among: 'everyone' | 'topic-or-country') =>
      (
        (await t.database.db.execute(rankExpertsSql(request, among))) as unknown as {
          rows: { id: string; score: number }[];
        }
      ).rows;
    const pruned = await rows('topic-or-country');
    expect(
      prunedRankingSuffices(
        pruned.map((r) => Number(r.score)),
        10,
      ),
    ).toBe(true);
    expect(pruned.map((r) => r.id)).toEqual((await rows('everyone')).map((r) => r.id));
    expect((await rankExperts(t.database.db, request)).map((r) => r.id)).toEqual(pruned.map((r) => r.id));
  });

  it('is for the staff: partners (of any institution) and steering are refused', async () => {
    expect((await matchesFor(trainingId, ghana)).statusCode).toBe(403);
    expect((await matchesFor(trainingId, steering)).statusCode).toBe(403);
    expect((await matchesFor(trainingId, jordan)).statusCode).toBe(403);
    expect(
      (await call(officer, 'GET', `/api/activities/${trainingId}/expert-matches?limit=0`)).statusCode,
    ).toBe(400);
  });
});

describe('POST /api/activities/:id/experts', () => {
  const assign = (activityId: string, name: string, who = officer) =>
    call(who, 'POST', `/api/activities/${activityId}/experts`, {
      expertId: expertIds[name],
      role: 'trainer',
      days: 3,
    });

  it('refuses an expert busy on overlapping dates with 409, naming the other activity', async () => {
    const response = await assign(trainingId, 'Erik Expert-Demo');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EXPERT_DOUBLE_BOOKED');
    expect(response.json().error.message).toContain('Training of trainers on the module');
    expect(response.json().error.message).toContain('Ghana III');
  });

  it('deploys a free expert once, and takes them out of the matches', async () => {
    const response = await assign(trainingId, 'Wanjiru Mfano');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      expertName: 'Wanjiru Mfano',
      expertCountry: 'KE',
      role: 'trainer',
      days: 3,
    });
    const again = await assign(trainingId, 'Wanjiru Mfano');
    expect(again.json().error.code).toBe('EXPERT_ALREADY_ASSIGNED');
    const names = (await matchesFor(trainingId)).json().matches.map((m: ExpertMatch) => m.expert.fullName);
    expect(names).not.toContain('Wanjiru Mfano');
    // The team now has one more woman; the balance reason follows.
    expect((await call(ghana, 'GET', `/api/activities/${trainingId}`)).json().deployments).toEqual([
      expect.objectContaining({ expertName: null, expertCountry: 'KE' }),
    ]);
  });

  it('refuses new dates that would double-book an expert already deployed', async () => {
    const march = await plan('Training at Aflao', '2027-03-03', '2027-03-04');
    expect((await assign(march, 'Erik Expert-Demo')).statusCode).toBe(201);
    const read = await call(officer, 'GET', `/api/activities/${march}`);
    const moved = await call(
      officer,
      'PATCH',
      `/api/activities/${march}`,
      { startDate: '2027-01-27', endDate: '2027-01-27' },
      { 'if-match': String(read.headers.etag) },
    );
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('EXPERT_DOUBLE_BOOKED');
    // Withdrawn, the expert no longer holds the dates.
    expect(
      (await call(officer, 'DELETE', `/api/activities/${march}/experts/${expertIds['Erik Expert-Demo']}`))
        .statusCode,
    ).toBe(204);
    const after = await call(
      officer,
      'PATCH',
      `/api/activities/${march}`,
      { startDate: '2027-01-27', endDate: '2027-01-27' },
      { 'if-match': String(read.headers.etag) },
    );
    expect(after.statusCode).toBe(200);
  });

  it('is refused to partners, for unknown experts and on closed activities', async () => {
    expect((await assign(trainingId, 'Lars Eksempel', ghana)).statusCode).toBe(403);
    const unknown = await call(officer, 'POST', `/api/activities/${trainingId}/experts`, {
      expertId: '00000000-0000-4000-8000-000000000000',
      role: 'trainer',
      days: 3,
    });
    expect(unknown.statusCode).toBe(404);
    const badDays = await call(officer, 'POST', `/api/activities/${trainingId}/experts`, {
      expertId: expertIds['Lars Eksempel'],
      role: 'trainer',
      days: 0,
    });
    expect(badDays.json().error.details[0].field).toBe('days');
    const held = (await call(officer, 'GET', `/api/actions/${ghanaId}/activities`))
      .json()
      .items.find((a: { status: string }) => a.status === 'held');
    const closed = await assign(held.id, 'Lars Eksempel');
    expect(closed.json().error.code).toBe('ACTIVITY_CLOSED');
  });
});

describe('feedback on a deployment', () => {
  it('is written once, after the activity is held, and counts in the expert’s record', async () => {
    const activities = (await call(officer, 'GET', `/api/actions/${ghanaId}/activities`)).json().items;
    const drafting = activities.find((a: { type: string }) => a.type === 'drafting_session');
    const wanjiru = expertIds['Wanjiru Mfano'];
    const before = (await call(officer, 'GET', `/api/experts/${wanjiru}`)).json().feedback;
    const url = `/api/activities/${drafting.id}/experts/${wanjiru}/feedback`;
    expect((await call(officer, 'POST', url, { score: 6 })).statusCode).toBe(400);
    expect((await call(officer, 'POST', url, { score: 4, comment: 'Solid' })).statusCode).toBe(204);
    expect((await call(officer, 'POST', url, { score: 4 })).json().error.code).toBe('FEEDBACK_NOT_OPEN');
    const after = (await call(officer, 'GET', `/api/experts/${wanjiru}`)).json().feedback;
    expect(after.count).toBe(before.count + 1);
    const planned = `/api/activities/${trainingId}/experts/${wanjiru}/feedback`;
    expect((await call(officer, 'POST', planned, { score: 5 })).json().error.code).toBe('FEEDBACK_NOT_OPEN');
  });
});
