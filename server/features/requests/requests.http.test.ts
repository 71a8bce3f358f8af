import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { RequestDetail, RequestListItem } from './requests.contract.ts';
import {
  call,
  completeDraft,
  createDraft,
  demoRequest,
  demoTitles,
  type Sessions,
  signInAll,
} from './requests.test-support.ts';

let t: TestApp;
let as: Sessions;

beforeAll(async () => {
  t = await createTestApp();
  as = await signInAll(t);
});
afterAll(() => t.close());

const titles = async (who: keyof Sessions, query = '') =>
  (
    (await call(t, as[who], 'GET', `/api/requests?pageSize=200${query}`)).json().items as RequestListItem[]
  ).map((r) => r.title);

describe('who sees which requests', () => {
  it('needs a signed-in caller', async () => {
    const response = await call(t, undefined, 'GET', '/api/requests');
    expect(response.statusCode).toBe(401);
  });

  it('shows officers and admins every request, in every state', async () => {
    const all = (await call(t, as.officer, 'GET', '/api/requests?pageSize=200')).json();
    const states = new Set(all.items.map((r: RequestListItem) => r.status));
    expect([...states].sort()).toEqual(
      [
        'approved',
        'clarification',
        'declined',
        'draft',
        'screening',
        'steering_review',
        'submitted',
        'withdrawn',
      ].sort(),
    );
    expect((await titles('admin')).length).toBe(all.total);
  });

  it('shows a partner its institution’s requests only; another’s answers 404', async () => {
    const ghana = await titles('ghana');
    expect(ghana.sort()).toEqual([demoTitles.ghanaClarification, demoTitles.ghanaDraft].sort());
    const jordanRequest = await demoRequest(t, as.officer, demoTitles.jordanSteering);
    const response = await call(t, as.ghana, 'GET', `/api/requests/${jordanRequest.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    for (const path of ['timeline', 'messages']) {
      expect((await call(t, as.ghana, 'GET', `/api/requests/${jordanRequest.id}/${path}`)).statusCode).toBe(
        404,
      );
    }
  });

  it('shows a partner the requests its institution joined', async () => {
    const peru = await titles('peru');
    expect(peru).toEqual(expect.arrayContaining([demoTitles.peruApproved, demoTitles.peruScreening]));
    // The prosecution service joined Peru's third request: a partner of the Ministry sees it, the
    // civil-society organisation's declined request is not the Ministry's.
    expect(peru).not.toContain(demoTitles.declined);
  });

  it('shows steering members the requests from steering review on', async () => {
    const steering = (await call(t, as.steering, 'GET', '/api/requests?pageSize=200')).json()
      .items as RequestListItem[];
    expect(new Set(steering.map((r) => r.status))).toEqual(
      new Set(['steering_review', 'approved', 'declined']),
    );
    const screening = await demoRequest(t, as.officer, demoTitles.peruScreening);
    expect((await call(t, as.steering, 'GET', `/api/requests/${screening.id}`)).statusCode).toBe(404);
  });

  it('shows experts none', async () => {
    expect((await call(t, as.expert, 'GET', '/api/requests')).json().total).toBe(0);
    const any = await demoRequest(t, as.officer, demoTitles.jordanSteering);
    expect((await call(t, as.expert, 'GET', `/api/requests/${any.id}`)).statusCode).toBe(404);
  });

  it('keeps screening notes, eligibility and deliberations from partners, and shows them the decision', async () => {
    const declined = await demoRequest(t, as.officer, demoTitles.declined);
    const staff = (await call(t, as.steering, 'GET', `/api/requests/${declined.id}`)).json() as RequestDetail;
    expect(staff.assessment).toContain('not eligible');
    expect(staff.recommendation).toBe('decline');
    expect(staff.steeringNotes).toContain('Unanimous');
    expect(staff.eligibility?.find((r) => r.rule === 'institution')?.outcome).toBe('fail');

    const peruApproved = await demoRequest(t, as.officer, demoTitles.peruApproved);
    const partner = (
      await call(t, as.peru, 'GET', `/api/requests/${peruApproved.id}`)
    ).json() as RequestDetail;
    expect(partner.decisionReason).toContain('follow-up');
    for (const field of [
      'assessment',
      'recommendation',
      'steeringNotes',
      'eligibility',
      'eligibilityCheckedAt',
    ]) {
      expect(partner).not.toHaveProperty(field);
    }
    // The note that went with the request to the committee is internal too.
    const partnerTimeline = (
      await call(t, as.peru, 'GET', `/api/requests/${peruApproved.id}/timeline`)
    ).json().items;
    const toSteering = partnerTimeline.find((s: { to: string }) => s.to === 'steering_review');
    expect(toSteering.reason).toBeNull();
    const staffTimeline = (
      await call(t, as.officer, 'GET', `/api/requests/${peruApproved.id}/timeline`)
    ).json().items;
    expect(staffTimeline.find((s: { to: string }) => s.to === 'steering_review').reason).toContain('Peru II');
  });

  it('filters by status, country, topic, channel and text', async () => {
    expect(await titles('officer', '&status=clarification')).toEqual([demoTitles.ghanaClarification]);
    expect((await titles('officer', '&country=PE')).sort()).toEqual(
      [demoTitles.peruApproved, demoTitles.peruScreening, demoTitles.declined].sort(),
    );
    expect(await titles('officer', '&topic=asylum')).toEqual([demoTitles.moldovaWithdrawn]);
    expect(await titles('officer', '&channel=letter')).toEqual([demoTitles.senegalSubmitted]);
    expect(await titles('officer', '&q=Ghana%20Immigration')).toHaveLength(2);
    // A word inside a title, in any case and with its accents; an acronym; a number.
    expect(await titles('officer', `&q=${encodeURIComponent('TRÁFICO ILÍCITO')}`)).toEqual([
      demoTitles.peruApproved,
    ]);
    expect(await titles('officer', '&q=gis')).toHaveLength(2);
    const senegal = (await call(t, as.officer, 'GET', '/api/requests?pageSize=200&channel=letter')).json()
      .items[0];
    expect(await titles('officer', `&q=%23${senegal.number}`)).toEqual([demoTitles.senegalSubmitted]);
    // A partner's search stays within its institution's requests.
    expect(await titles('ghana', '&q=shelters')).toEqual([]);
    expect(await titles('officer', `&q=${encodeURIComponent("%' or 1=1 --")}`)).toEqual([]);
    const bad = await call(t, as.officer, 'GET', '/api/requests?status=pending');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('status');
  });

  it('says what the caller may do with a request', async () => {
    const clarification = await demoRequest(t, as.officer, demoTitles.ghanaClarification);
    const partner = (
      await call(t, as.ghana, 'GET', `/api/requests/${clarification.id}`)
    ).json() as RequestDetail;
    expect(partner.allowed.sort()).toEqual(['attach', 'edit', 'resubmit', 'withdraw', 'write'].sort());
    const officer = (
      await call(t, as.officer, 'GET', `/api/requests/${clarification.id}`)
    ).json() as RequestDetail;
    expect(officer.allowed).toEqual(expect.arrayContaining(['assess', 'resubmit', 'withdraw', 'write']));
    expect(officer.allowed).not.toContain('approve');
  });
});

describe('the triage board', () => {
  type Column = { status: string; count: number; items: RequestListItem[] };
  const totalOf = async (query: string) =>
    (await call(t, as.officer, 'GET', `/api/requests?pageSize=1${query}`)).json().total as number;

  it('counts each state as the list does, shows the longest waiting first, and times the decisions', async () => {
    for (const filter of ['', '&country=PE']) {
      const response = await call(t, as.officer, 'GET', `/api/requests/board?${filter.slice(1)}`);
      expect(response.statusCode).toBe(200);
      const board = response.json() as { columns: Column[]; decisions: Record<string, number | null> };
      expect(board.columns.map((c) => c.status)).not.toContain('draft');
      for (const column of board.columns) {
        expect(column.count).toBe(await totalOf(`&status=${column.status}${filter}`));
        expect(column.items).toHaveLength(Math.min(column.count, 50));
        const waited = column.items.map((item) => item.statusChangedAt);
        expect(waited).toEqual([...waited].sort());
      }
      // The decision times, worked out here from every listed request.
      const all = (await call(t, as.officer, 'GET', `/api/requests?pageSize=200${filter}`)).json()
        .items as RequestListItem[];
      const days = all
        .filter((r) => r.submittedAt && r.decidedAt)
        .map((r) => (Date.parse(r.decidedAt as string) - Date.parse(r.submittedAt as string)) / 86_400_000)
        .sort((a, b) => a - b);
      expect(days.length).toBeGreaterThan(0);
      const middle = Math.floor(days.length / 2);
      const median = days.length % 2 ? days[middle] : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2;
      const round = (value: number) => Math.round(value * 10) / 10;
      expect(board.decisions).toEqual({
        count: days.length,
        averageDays: round(days.reduce((a, b) => a + b, 0) / days.length),
        medianDays: round(median as number),
      });
    }
  });

  it('is for officers and admins', async () => {
    expect((await call(t, as.ghana, 'GET', '/api/requests/board')).statusCode).toBe(403);
    expect((await call(t, as.steering, 'GET', '/api/requests/board')).statusCode).toBe(403);
    expect((await call(t, undefined, 'GET', '/api/requests/board')).statusCode).toBe(401);
  });
});

describe('writing a request', () => {
  it('creates a draft for the partner’s own institution, in the language it writes', async () => {
    const response = await call(t, as.ghana, 'POST', '/api/requests', completeDraft, {
      'accept-language': 'fr',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const draft = response.json() as RequestDetail;
    expect(draft).toMatchObject({
      status: 'draft',
      channel: 'partner_web',
      language: 'fr',
      countries: ['GH'],
    });
    expect(draft.targetGroups).toEqual(completeDraft.targetGroups);
    expect(draft.workingLanguages).toEqual(['en']);
  });

  it('lets an officer enter a request that came by letter, for the institution that wrote it', async () => {
    const jordan = (await call(t, as.jordan, 'GET', '/api/auth/me')).json().user.institution.id;
    const missing = await call(t, as.officer, 'POST', '/api/requests', completeDraft);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'requestingInstitutionId',
      'channel',
    ]);
    const draft = await createDraft(t, as.officer, {
      ...completeDraft,
      countries: ['JO'],
      requestingInstitutionId: jordan,
      channel: 'letter',
    });
    expect(draft.channel).toBe('letter');
    expect(draft.requestingInstitution?.id).toBe(jordan);
    // The institution's focal point sees it, and may submit it.
    expect((await call(t, as.jordan, 'POST', `/api/requests/${draft.id}/submit`)).statusCode).toBe(200);
  });

  it('refuses a partner writing for another institution or through another channel', async () => {
    const jordan = (await call(t, as.jordan, 'GET', '/api/auth/me')).json().user.institution.id;
    const other = await call(t, as.ghana, 'POST', '/api/requests', {
      ...completeDraft,
      requestingInstitutionId: jordan,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('REQUEST_NOT_YOUR_INSTITUTION');
    const letter = await call(t, as.ghana, 'POST', '/api/requests', { ...completeDraft, channel: 'letter' });
    expect(letter.statusCode).toBe(403);
    for (const who of ['steering', 'expert'] as const) {
      const response = await call(t, as[who], 'POST', '/api/requests', completeDraft);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('REQUEST_ROLE_NOT_ALLOWED');
    }
  });

  it('refuses bad input with field-level details, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...completeDraft, title: '' }, 'title'],
      [{ ...completeDraft, countries: ['Peru'] }, 'countries[0]'],
      [{ ...completeDraft, countries: ['ZZ'] }, 'countries'],
      [{ ...completeDraft, topics: ['knitting'] }, 'topics'],
      [{ ...completeDraft, thematicAreaCode: 'nowhere' }, 'thematicAreaCode'],
      [
        { ...completeDraft, jointInstitutionIds: ['00000000-0000-4000-8000-000000000000'] },
        'jointInstitutionIds',
      ],
      [
        { ...completeDraft, targetGroups: [{ description: 'x', estimatedNumber: -1 }] },
        'targetGroups[0].estimatedNumber',
      ],
      [{ ...completeDraft, workingLanguages: ['Spanish'] }, 'workingLanguages[0]'],
      [{ ...completeDraft, colour: 'red' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await call(t, as.ghana, 'POST', '/api/requests', body);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('edits a draft with If-Match, and answers 412 to a stale version and 428 without one', async () => {
    const draft = await createDraft(t, as.ghana);
    const url = `/api/requests/${draft.id}`;
    expect((await call(t, as.ghana, 'PATCH', url, { title: 'New' })).statusCode).toBe(428);
    const edited = await call(
      t,
      as.ghana,
      'PATCH',
      url,
      { title: 'Airport training', countries: ['GH', 'TG'], targetGroups: [] },
      {
        'if-match': `"${draft.version}"`,
      },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe(`"${draft.version + 1}"`);
    expect(edited.json()).toMatchObject({
      title: 'Airport training',
      countries: ['GH', 'TG'],
      targetGroups: [],
    });
    expect(edited.json().topics).toEqual(['thb']); // a list left out stays as it was
    const stale = await call(
      t,
      as.ghana,
      'PATCH',
      url,
      { title: 'Lost update' },
      { 'if-match': `"${draft.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    expect((await call(t, as.ghana, 'GET', url)).json().title).toBe('Airport training');
  });

  it('does not let anyone edit a request under screening, or a partner change the institution', async () => {
    const screening = await demoRequest(t, as.officer, demoTitles.peruScreening);
    const detail = (await call(t, as.peru, 'GET', `/api/requests/${screening.id}`)).json();
    const response = await call(
      t,
      as.peru,
      'PATCH',
      `/api/requests/${screening.id}`,
      { title: 'x' },
      {
        'if-match': `"${detail.version}"`,
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('REQUEST_NOT_EDITABLE');
    const draft = await createDraft(t, as.ghana);
    const switched = await call(
      t,
      as.ghana,
      'PATCH',
      `/api/requests/${draft.id}`,
      { channel: 'letter' },
      {
        'if-match': `"${draft.version}"`,
      },
    );
    expect(switched.statusCode).toBe(403);
  });

  it('lists the institutions the form offers', async () => {
    const options = (await call(t, as.ghana, 'GET', '/api/requests/form-options')).json();
    expect(options.institutions.map((i: { acronym: string }) => i.acronym)).toEqual(
      expect.arrayContaining(['GIS', 'MoSD', 'AIAMP']),
    );
    expect((await call(t, as.expert, 'GET', '/api/requests/form-options')).statusCode).toBe(403);
  });
});

describe('the conversation', () => {
  it('carries messages between the partner and the facility, in order', async () => {
    const request = await demoRequest(t, as.officer, demoTitles.ghanaClarification);
    const url = `/api/requests/${request.id}/messages`;
    const posted = await call(t, as.ghana, 'POST', url, { body: 'Kotoka, Aflao and Elubo.' });
    expect(posted.statusCode).toBe(201);
    await call(t, as.officer, 'POST', url, { body: 'Thank you.' });
    const items = (await call(t, as.ghana, 'GET', url)).json().items;
    expect(items.map((m: { kind: string; body: string }) => [m.kind, m.body]).slice(-3)).toEqual([
      [
        'question',
        'Which border posts would take part, and how does this build on the border work of Ghana II?',
      ],
      ['message', 'Kotoka, Aflao and Elubo.'],
      ['message', 'Thank you.'],
    ]);
    expect(items.at(-1).by).toEqual({ name: 'Olga Officer-Demo', role: 'officer' });
    expect((await call(t, as.ghana, 'POST', url, { body: ' ' })).statusCode).toBe(400);
    const steering = await demoRequest(t, as.officer, demoTitles.jordanSteering);
    const refused = await call(t, as.steering, 'POST', `/api/requests/${steering.id}/messages`, {
      body: 'Hello',
    });
    expect(refused.statusCode).toBe(403);
  });
});
