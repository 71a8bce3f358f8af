import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { actionIdOf } from '../../test/requests.ts';
import {
  childNamed,
  childrenNamed,
  parseTree,
  schemaDir,
  schemaErrors,
  type XmlElement,
} from '../iati/iati-test-helpers.ts';

let t: TestApp;
let officer: SignedInHeaders;

beforeAll(async () => {
  vi.stubEnv('TANDEM_IATI_SCHEMA_DIR', schemaDir);
  t = await createTestApp();
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

const activityOf = (root: XmlElement, code: string) => {
  const found = childrenNamed(root, 'iati-activity').find((a) =>
    childrenNamed(a, 'other-identifier').some((o) => o.attributes.ref === code),
  );
  if (!found) throw new Error(`no activity ${code}`);
  return found;
};

describe('results in the IATI export', () => {
  it('publishes the demo results frameworks: levels, measures, baselines, targets and actuals by sex', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/iati/activities.xml' });
    expect(response.statusCode).toBe(200);
    expect(await schemaErrors(response.body)).toEqual([]);
    const root = parseTree(response.body);
    const ghana = activityOf(root, 'ghana-iii');
    const results = childrenNamed(ghana, 'result');
    expect(results.map((r) => r.attributes.type)).toEqual(['1', '2']);
    const outcome = childrenNamed(results[1] as XmlElement, 'indicator')[0] as XmlElement;
    expect(outcome.attributes.measure).toBe('2');
    const baselines = childrenNamed(outcome, 'baseline');
    expect(baselines.map((b) => [b.attributes.year, b.attributes.value])).toEqual([
      ['2025', '10'],
      ['2025', '12'],
      ['2025', '8'],
    ]);
    const period = childrenNamed(outcome, 'period')[0] as XmlElement;
    const actuals = childrenNamed(period, 'actual');
    expect(
      actuals.map((a) => [a.attributes.value, childNamed(a, 'dimension')?.attributes.value ?? 'total']),
    ).toEqual([
      ['35', 'total'],
      ['38', 'female'],
      ['31', 'male'],
    ]);
    // A qualitative indicator carries its statement as a comment, without a value.
    const iberred = activityOf(root, 'iberred-i');
    const impact = childrenNamed(iberred, 'result').find((r) => r.attributes.type === '3') as XmlElement;
    const qualitative = childrenNamed(impact, 'indicator')[0] as XmlElement;
    expect(qualitative.attributes.measure).toBe('5');
    expect(childrenNamed(qualitative, 'baseline')[0]?.attributes.value).toBeUndefined();
  });

  it('publishes computed actuals as Tandem computes them, never a person', async () => {
    const peruId = await actionIdOf(t, officer, 'Peru III');
    const computed = (
      await t.app.inject({ method: 'GET', url: `/api/actions/${peruId}/indicators`, headers: officer })
    )
      .json()
      .items.find((i: { source: string }) => i.source === 'deliverables_validated');
    const xml = (await t.app.inject({ method: 'GET', url: '/api/iati/activities.xml' })).body;
    const peru = activityOf(parseTree(xml), 'peru-iii');
    const output = childrenNamed(peru, 'result').find((r) => r.attributes.type === '1') as XmlElement;
    const indicator = childrenNamed(output, 'indicator').find(
      (i) => childNamed(childNamed(i, 'title') as XmlElement, 'narrative')?.text === 'Deliverables validated',
    ) as XmlElement;
    const firstPeriod = childrenNamed(indicator, 'period')[0] as XmlElement;
    expect(childNamed(firstPeriod, 'actual')?.attributes.value).toBe(
      String(computed.periods[0].actual.total),
    );
    expect(xml).not.toMatch(/Officer \d|Trainee \d/);
  });
});
