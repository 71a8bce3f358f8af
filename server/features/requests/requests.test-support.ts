import type { LightMyRequestResponse } from 'fastify';
import { demoAccounts, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import type { RequestDetail, RequestListItem } from './requests.contract.ts';

// Helpers shared by the requests feature's HTTP tests.

export const accounts = demoAccounts;
export type Who = keyof typeof accounts;

export type Sessions = Record<Who, SignedInHeaders>;

export async function signInAll(t: TestApp): Promise<Sessions> {
  const entries = await Promise.all(
    (Object.keys(accounts) as Who[]).map(async (who) => [who, await t.signIn(accounts[who])] as const),
  );
  return Object.fromEntries(entries) as Sessions;
}

export function call(
  t: TestApp,
  headers: SignedInHeaders | undefined,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  extra: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { ...(headers ?? {}), ...extra },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A draft that is complete enough to submit, for the Ghana Immigration Service unless told. */
export const completeDraft = {
  title: 'Training on the identification of victims at airports',
  countries: ['GH'],
  topics: ['thb'],
  thematicAreaCode: 'irregular_thb',
  problem: 'Airport staff do not recognise the signs of trafficking.',
  expectedChange: 'Trained staff and a referral checklist at Kotoka airport.',
  preferredTiming: 'Second half of next year',
  targetGroups: [
    { description: 'Immigration officers at Kotoka International Airport', estimatedNumber: 150 },
  ],
  workingLanguages: ['en'],
};

export async function createDraft(
  t: TestApp,
  as: SignedInHeaders,
  body: Record<string, unknown> = completeDraft,
): Promise<RequestDetail> {
  const response = await call(t, as, 'POST', '/api/requests', body);
  if (response.statusCode !== 201) throw new Error(`draft not created: ${response.body}`);
  return response.json();
}

export async function move(
  t: TestApp,
  as: SignedInHeaders,
  id: string,
  step: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return call(t, as, 'POST', `/api/requests/${id}/${step}`, body);
}

/** Moves a request along steps that must all succeed. */
export async function walk(t: TestApp, id: string, steps: [SignedInHeaders, string, unknown?][]) {
  let last: RequestDetail | undefined;
  for (const [as, step, body] of steps) {
    const response = await move(t, as, id, step, body);
    if (response.statusCode !== 200) throw new Error(`${step} failed: ${response.body}`);
    last = response.json();
  }
  return last as RequestDetail;
}

export async function assess(t: TestApp, as: SignedInHeaders, request: { id: string; version: number }) {
  const response = await call(
    t,
    as,
    'PUT',
    `/api/requests/${request.id}/assessment`,
    { assessment: 'Eligible and well prepared.', recommendation: 'approve' },
    { 'if-match': `"${request.version}"` },
  );
  if (response.statusCode !== 200) throw new Error(`assessment failed: ${response.body}`);
  return response.json() as RequestDetail;
}

export async function demoRequest(t: TestApp, as: SignedInHeaders, title: string): Promise<RequestListItem> {
  const response = await call(t, as, 'GET', `/api/requests?pageSize=200`);
  const found = (response.json().items as RequestListItem[]).find((r) => r.title === title);
  if (!found) throw new Error(`no demo request titled ${title}`);
  return found;
}

export const demoTitles = {
  peruApproved: 'Respuesta integral al tráfico ilícito de migrantes y a la trata de personas',
  peruScreening: 'Reintegración sostenible de víctimas de trata retornadas',
  ghanaClarification: 'Standard operating procedures for document examination at border posts',
  jordanSteering: 'Minimum standards for shelters for victims of trafficking',
  declined: 'Acompañamiento legal a personas migrantes víctimas de explotación',
  mozambiqueApproved: 'Countering the smuggling of migrants along the northern corridor',
  senegalSubmitted: 'Une stratégie de communication pour la diaspora sénégalaise',
  moldovaWithdrawn: 'Asylum case-management training',
  ghanaDraft: 'Information desks on safe labour migration',
} as const;
