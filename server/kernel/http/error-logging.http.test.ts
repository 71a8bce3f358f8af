import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { actionIdOf, caller } from '../../test/requests.ts';

const lines: string[] = [];
let t: TestApp;
let officer: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp({ log: (line) => lines.push(line) });
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(() => t.close());

describe('the log of requests', () => {
  it('has each request with its path and the names of its parameters, not the words searched for', async () => {
    const response = await caller(t)(officer, 'GET', '/api/experts?q=Mensimah&page=1');
    expect(response.statusCode).toBe(200);
    const incoming = lines.filter((line) => line.includes('incoming request'));
    expect(incoming.some((line) => line.includes('"url":"/api/experts?q&page"'))).toBe(true);
    expect(lines.join('')).not.toContain('Mensimah');
  });
});

describe('a request that fails in the database', () => {
  it('answers 500 and logs the failed statement, not the personal data it carried', async () => {
    const call = caller(t);
    const ghana = await actionIdOf(t, officer, 'Ghana III');
    const activities = (await call(officer, 'GET', `/api/actions/${ghana}/activities`)).json().items as {
      id: string;
      title: string;
    }[];
    const pilot = activities.find((a) => a.title.startsWith('Pilot training'));
    if (!pilot) throw new Error('no pilot training in the demo data');
    // A fault that no input causes: the register's table is gone.
    await t.rows(sql`alter table people rename to people_elsewhere`);

    const response = await call(officer, 'POST', `/api/activities/${pilot.id}/participants`, {
      role: 'participant',
      person: {
        fullName: 'Efua Quansah-Boateng',
        institutionName: 'Ghana Immigration Service, Elubo post',
        sex: 'female',
        ageBand: '25_34',
        positionLevel: 'junior',
        position: 'Immigration officer, Elubo',
        email: 'efua.quansah@example.test',
        phone: '+233 20 555 0147',
        lawfulBasis: 'public_task',
      },
    });
    expect(response.statusCode, response.body).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');

    const logged = lines.join('');
    expect(logged).toContain('unhandled error');
    // The statement that failed, to find the fault by (its quotes escaped in the JSON line).
    expect(logged).toMatch(/Failed query: [^\n]*\\"people\\"/);
    for (const value of ['Quansah', 'efua.quansah@example.test', '555 0147', 'Elubo'])
      expect(logged).not.toContain(value);
  });
});
