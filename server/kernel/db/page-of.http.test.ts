import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { PREPARED_PAGES } from './database.ts';

// The lists read their first pages through prepared statements with the limit and offset written
// into them, and deeper pages through statements planned each time (`pageOf`). Every page must be
// the slice of the whole list that its number says, on its first read and when read again.
let t: TestApp;
let officer: SignedInHeaders;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signIn('officer@demo.tandem.test');
});
afterAll(() => t.close());

async function ids(path: string): Promise<string[]> {
  const response = await t.app.inject({ method: 'GET', url: path, headers: { cookie: officer.cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { id: string }[]).map((item) => item.id);
}

describe('a list’s pages, prepared or not', () => {
  it.each(['/api/activities', '/api/experts', '/api/requests'])(
    '%s gives every page as a slice of the whole',
    async (list) => {
      const whole = await ids(`${list}?pageSize=200`);
      // Pages within the prepared ones and beyond them, each within the demo's rows (nine requests).
      const pages = [1, 2, PREPARED_PAGES, PREPARED_PAGES + 1, PREPARED_PAGES + 3];
      expect(whole.length).toBeGreaterThanOrEqual(PREPARED_PAGES + 3);
      const size = Math.min(3, Math.floor(whole.length / (PREPARED_PAGES + 3)));
      for (const page of pages) {
        for (const _ of [1, 2]) {
          expect(await ids(`${list}?pageSize=${size}&page=${page}`), `page ${page}`).toEqual(
            whole.slice((page - 1) * size, page * size),
          );
        }
      }
    },
  );
});
