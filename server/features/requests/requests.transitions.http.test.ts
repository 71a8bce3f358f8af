import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { RequestDetail } from './requests.contract.ts';
import {
  assess,
  call,
  completeDraft,
  createDraft,
  move,
  type Sessions,
  signInAll,
  walk,
} from './requests.test-support.ts';

let t: TestApp;
let as: Sessions;

beforeAll(async () => {
  t = await createTestApp();
  as = await signInAll(t);
});
afterAll(() => t.close());

const read = async (id: string, who = as.officer) =>
  (await call(t, who, 'GET', `/api/requests/${id}`)).json() as RequestDetail;
const timelineOf = async (id: string) =>
  (await call(t, as.officer, 'GET', `/api/requests/${id}/timeline`)).json().items;

/** A Ghana request brought to a state through the proper steps. */
async function requestIn(
  state:
    | 'draft'
    | 'submitted'
    | 'screening'
    | 'clarification'
    | 'steering_review'
    | 'approved'
    | 'declined'
    | 'withdrawn',
) {
  const draft = await createDraft(t, as.ghana);
  const path: [typeof as.officer, string, unknown?][] = [];
  const order = ['submitted', 'screening', 'clarification', 'steering_review', 'approved'];
  if (state === 'withdrawn') return walk(t, draft.id, [[as.ghana, 'withdraw']]);
  if (state === 'draft') return draft;
  path.push([as.ghana, 'submit']);
  if (order.indexOf(state) >= 1 || state === 'declined') path.push([as.officer, 'start-screening']);
  if (state === 'clarification')
    path.push([as.officer, 'ask-clarification', { question: 'Which airports?' }]);
  let current = await walk(t, draft.id, path);
  if (state === 'steering_review' || state === 'approved' || state === 'declined') {
    current = await assess(t, as.officer, current);
    current = await walk(t, draft.id, [[as.officer, 'send-to-steering']]);
  }
  if (state === 'approved')
    current = await walk(t, draft.id, [[as.steering, 'approve', { reason: 'Well prepared.' }]]);
  if (state === 'declined')
    current = await walk(t, draft.id, [[as.steering, 'decline', { reason: 'Out of scope.' }]]);
  return current;
}

describe('the lifecycle of a request', () => {
  it('goes from draft to approved, each step recorded with who, when, from, to and why', async () => {
    const draft = await createDraft(t, as.ghana);
    expect(draft.status).toBe('draft');
    expect(draft.channel).toBe('partner_web');
    expect(draft.requestingInstitution?.name).toBe('Ghana Immigration Service');

    const submitted = (await move(t, as.ghana, draft.id, 'submit')).json();
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).not.toBeNull();
    const screening = (await move(t, as.officer, draft.id, 'start-screening')).json();
    expect(screening.status).toBe('screening');

    const asked = await move(t, as.officer, draft.id, 'ask-clarification', {
      question: 'Which airports take part?',
    });
    expect(asked.json().status).toBe('clarification');
    // The partner may change the request while the facility waits for its answer.
    const edited = await call(
      t,
      as.ghana,
      'PATCH',
      `/api/requests/${draft.id}`,
      { preferredTiming: 'March' },
      {
        'if-match': `"${asked.json().version}"`,
      },
    );
    expect(edited.statusCode).toBe(200);
    const resubmitted = await move(t, as.ghana, draft.id, 'resubmit', { answer: 'Kotoka and Tamale.' });
    expect(resubmitted.json().status).toBe('screening');

    const early = await move(t, as.officer, draft.id, 'send-to-steering');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REQUEST_ASSESSMENT_MISSING');
    await assess(t, as.officer, resubmitted.json());
    const sent = await move(t, as.officer, draft.id, 'send-to-steering', { note: 'Recommended.' });
    expect(sent.json().status).toBe('steering_review');

    const approved = await move(t, as.steering, draft.id, 'approve', {
      reason: 'A clear need, well prepared.',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().decisionReason).toBe('A clear need, well prepared.');
    expect(approved.json().daysToDecision).toBe(0);

    const steps = await timelineOf(draft.id);
    expect(steps.map((s: { from: string | null; to: string }) => `${s.from ?? '-'}>${s.to}`)).toEqual([
      '->draft',
      'draft>submitted',
      'submitted>screening',
      'screening>clarification',
      'clarification>screening',
      'screening>steering_review',
      'steering_review>approved',
    ]);
    expect(steps[3].reason).toBe('Which airports take part?');
    expect(steps[3].by).toEqual({ name: 'Olga Officer-Demo', role: 'officer' });
    expect(steps[6].by.role).toBe('steering');
    expect(Number.isNaN(Date.parse(steps[6].at))).toBe(false);
    // The question and the answer are in the conversation too.
    const messages = (await call(t, as.ghana, 'GET', `/api/requests/${draft.id}/messages`)).json().items;
    expect(messages.map((m: { kind: string }) => m.kind)).toEqual(['question', 'answer']);
  });

  it('is declined with a written reason that the partner reads', async () => {
    const declined = await requestIn('declined');
    expect(declined.status).toBe('declined');
    const partnerView = await read(declined.id, as.ghana);
    expect(partnerView.decisionReason).toBe('Out of scope.');
    expect(partnerView.decidedAt).not.toBeNull();
  });

  it('needs a reason to approve or decline, and a question to ask for clarification', async () => {
    const inReview = await requestIn('steering_review');
    for (const step of ['approve', 'decline']) {
      const response = await move(t, as.steering, inReview.id, step, {});
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('reason');
    }
    const screening = await requestIn('screening');
    const response = await move(t, as.officer, screening.id, 'ask-clarification', { question: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('question');
    expect((await read(screening.id)).status).toBe('screening');
  });

  it.each(['draft', 'submitted', 'screening', 'clarification', 'steering_review'] as const)(
    'may be withdrawn by the partner from %s, with a reason',
    async (state) => {
      const request = await requestIn(state);
      const response = await move(t, as.ghana, request.id, 'withdraw', {
        reason: 'Covered by the national budget.',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('withdrawn');
      expect((await timelineOf(request.id)).at(-1)).toMatchObject({
        from: state,
        to: 'withdrawn',
        reason: 'Covered by the national budget.',
      });
    },
  );

  it('refuses to submit an incomplete draft, naming what is missing', async () => {
    const draft = await createDraft(t, as.ghana, { title: 'Only a title' });
    const response = await move(t, as.ghana, draft.id, 'submit');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('REQUEST_INCOMPLETE');
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'countries',
      'topics',
      'problem',
      'expectedChange',
      'targetGroups',
    ]);
    expect((await read(draft.id)).status).toBe('draft');
  });

  it('checks If-Match when a transition sends it', async () => {
    const draft = await createDraft(t, as.ghana);
    const stale = await call(t, as.ghana, 'POST', `/api/requests/${draft.id}/submit`, undefined, {
      'if-match': '"99"',
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_MISMATCH');
    const fresh = await call(t, as.ghana, 'POST', `/api/requests/${draft.id}/submit`, undefined, {
      'if-match': `"${draft.version}"`,
    });
    expect(fresh.statusCode).toBe(200);
  });
});

describe('forbidden transitions change nothing', () => {
  async function refused(
    who: keyof Sessions,
    id: string,
    step: string,
    status: number,
    code: string,
    body: unknown = step === 'approve' || step === 'decline'
      ? { reason: 'x' }
      : step === 'ask-clarification'
        ? { question: 'x' }
        : undefined,
  ) {
    const before = await read(id);
    const stepsBefore = (await timelineOf(id)).length;
    const response = await move(t, as[who], id, step, body);
    expect({ step, who, status: response.statusCode, code: response.json().error?.code }).toEqual({
      step,
      who,
      status,
      code,
    });
    const after = await read(id);
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version);
    expect((await timelineOf(id)).length).toBe(stepsBefore);
  }

  it('answers 409 REQUEST_WRONG_STATE for a step the state does not allow', async () => {
    const draft = await requestIn('draft');
    for (const step of ['start-screening', 'ask-clarification', 'send-to-steering']) {
      await refused('officer', draft.id, step, 409, 'REQUEST_WRONG_STATE');
    }
    await refused('ghana', draft.id, 'resubmit', 409, 'REQUEST_WRONG_STATE');
    const submitted = await requestIn('submitted');
    await refused('ghana', submitted.id, 'submit', 409, 'REQUEST_WRONG_STATE');
    await refused('officer', submitted.id, 'ask-clarification', 409, 'REQUEST_WRONG_STATE');
    const screening = await requestIn('screening');
    await refused('officer', screening.id, 'start-screening', 409, 'REQUEST_WRONG_STATE');
    await refused('ghana', screening.id, 'resubmit', 409, 'REQUEST_WRONG_STATE');
    const clarification = await requestIn('clarification');
    await refused('officer', clarification.id, 'send-to-steering', 409, 'REQUEST_WRONG_STATE');
    const review = await requestIn('steering_review');
    await refused('officer', review.id, 'start-screening', 409, 'REQUEST_WRONG_STATE');
  });

  it('answers 409 REQUEST_ALREADY_DECIDED after the decision, and REQUEST_WITHDRAWN after a withdrawal', async () => {
    const approved = await requestIn('approved');
    await refused('ghana', approved.id, 'withdraw', 409, 'REQUEST_ALREADY_DECIDED');
    await refused('steering', approved.id, 'decline', 409, 'REQUEST_ALREADY_DECIDED');
    await refused('officer', approved.id, 'start-screening', 409, 'REQUEST_ALREADY_DECIDED');
    const declined = await requestIn('declined');
    await refused('steering', declined.id, 'approve', 409, 'REQUEST_ALREADY_DECIDED');
    const withdrawn = await requestIn('withdrawn');
    await refused('ghana', withdrawn.id, 'submit', 409, 'REQUEST_WITHDRAWN');
    await refused('ghana', withdrawn.id, 'withdraw', 409, 'REQUEST_WITHDRAWN');
  });

  it('answers 403 with a code naming the role that may take the step', async () => {
    const submitted = await requestIn('submitted');
    await refused('ghana', submitted.id, 'start-screening', 403, 'REQUEST_SCREENING_IS_FOR_OFFICERS');
    const screening = await requestIn('screening');
    await refused('ghana', screening.id, 'ask-clarification', 403, 'REQUEST_SCREENING_IS_FOR_OFFICERS');
    await refused('ghana', screening.id, 'send-to-steering', 403, 'REQUEST_SCREENING_IS_FOR_OFFICERS');
    const review = await requestIn('steering_review');
    await refused('ghana', review.id, 'approve', 403, 'REQUEST_DECISION_IS_FOR_STEERING');
    await refused('officer', review.id, 'approve', 403, 'REQUEST_DECISION_IS_FOR_STEERING');
    await refused('admin', review.id, 'decline', 403, 'REQUEST_DECISION_IS_FOR_STEERING');
    await refused('steering', review.id, 'send-to-steering', 403, 'REQUEST_SCREENING_IS_FOR_OFFICERS');
    await refused('steering', review.id, 'withdraw', 403, 'REQUEST_ROLE_NOT_ALLOWED');
  });

  it('lets a joint institution follow the request, not move it', async () => {
    const joint = await createDraft(t, as.officer, {
      ...completeDraft,
      requestingInstitutionId: await institutionOf('ghana'),
      jointInstitutionIds: [await institutionOf('jordan')],
      channel: 'email',
    });
    expect((await call(t, as.jordan, 'GET', `/api/requests/${joint.id}`)).statusCode).toBe(200);
    await refused('jordan', joint.id, 'submit', 403, 'REQUEST_NOT_YOUR_INSTITUTION');
    await refused('jordan', joint.id, 'withdraw', 403, 'REQUEST_NOT_YOUR_INSTITUTION');
  });

  it('answers 404 to those who may not see the request, whatever the step', async () => {
    const submitted = await requestIn('submitted');
    await refused('jordan', submitted.id, 'withdraw', 404, 'NOT_FOUND');
    await refused('expert', submitted.id, 'start-screening', 404, 'NOT_FOUND');
    // Steering members see a request only once it reaches them.
    await refused('steering', submitted.id, 'approve', 404, 'NOT_FOUND');
    const anonymous = await move(t, undefined as never, submitted.id, 'start-screening');
    expect(anonymous.statusCode).toBe(401);
  });
});

async function institutionOf(who: 'ghana' | 'jordan'): Promise<string> {
  const me = (await call(t, as[who], 'GET', '/api/auth/me')).json();
  return me.user.institution.id;
}
