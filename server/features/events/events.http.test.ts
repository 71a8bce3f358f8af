import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { todayUtc } from './awareness-days.ts';
import type { PublicEvents } from './events.contract.ts';
import { events } from './events.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { host: 'portal.example.org', ...headers } });

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('GET /api/public/events', () => {
  it('gives the three awareness days with their next date, soonest first', async () => {
    const body: PublicEvents = (await get('/api/public/events')).json();
    const days = Object.fromEntries(body.awarenessDays.map((d) => [d.title, d]));
    expect(days['EU Anti-Trafficking Day']).toMatchObject({ month: 10, day: 18, sinceYear: 2007 });
    expect(days['World Day against Trafficking in Persons']).toMatchObject({ month: 7, day: 30 });
    expect(days['International Migrants Day']).toMatchObject({ month: 12, day: 18 });
    const today = todayUtc();
    for (const day of body.awarenessDays) {
      expect(day.nextDate >= today).toBe(true);
      expect(day.nextDate.slice(5)).toBe(
        `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`,
      );
    }
    const next = body.awarenessDays.map((d) => d.nextDate);
    expect(next).toEqual([...next].sort());
  });

  it('puts the public event of EU Anti-Trafficking Day among the upcoming ones, and past ones apart', async () => {
    const body: PublicEvents = (await get('/api/public/events')).json();
    const today = todayUtc();
    const euDay = body.upcoming.find((e) => e.awarenessDay?.title === 'EU Anti-Trafficking Day');
    expect(euDay?.title).toBe('Peer exchange: recognising victims of trafficking at entry points');
    expect(euDay?.startDate.slice(5)).toBe('10-18');
    expect(euDay?.action?.name).toBe('Ghana III');
    for (const event of body.upcoming) expect((event.endDate ?? event.startDate) >= today).toBe(true);
    for (const event of body.past) expect((event.endDate ?? event.startDate) < today).toBe(true);
    expect(body.past.map((e) => e.title)).toContain(
      'Launch of the practical notes for investigators of trafficking cases',
    );
  });

  it('never shows an internal event, nor names an Action the public may not see', async () => {
    const body: PublicEvents = (await get('/api/public/events?limit=100')).json();
    const all = [...body.upcoming, ...body.past];
    expect(all.map((e) => e.title).join('|')).not.toMatch(/Internal/);
    const openDay = all.find((e) => e.title === 'Open day on safe and regular migration');
    expect(openDay).toBeDefined();
    // Its Action, Gambia I, is still in design.
    expect(openDay?.action).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Gambia I');
  });

  it('speaks the reader’s language, with a fallback to the original', async () => {
    const body: PublicEvents = (await get('/api/public/events', { 'accept-language': 'fr' })).json();
    const euDay = body.upcoming.find((e) => e.awarenessDay?.title.startsWith('Journée européenne'));
    expect(euDay?.title).toMatch(/^Échange entre pairs/);
    const timor: PublicEvents = (await get('/api/public/events', { 'accept-language': 'es' })).json();
    expect(timor.past[0]?.summary).toMatch(/^On the World Day/);
  });

  it('refuses a bad limit', async () => {
    const response = await get('/api/public/events?limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('limit');
  });
});

describe('GET /api/public/events.ics', () => {
  it('is an iCalendar feed a calendar library reads: yearly awareness days and timed events', async () => {
    const response = await get('/api/public/events.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const entries = parseCalendar(response.body);
    const bySummary = Object.fromEntries(entries.map((e) => [e.summary, e]));

    const euDay = bySummary['EU Anti-Trafficking Day'];
    expect(euDay?.startDate.isDate).toBe(true);
    expect(euDay?.startDate.toString()).toBe('2007-10-18');
    expect(euDay?.isRecurring()).toBe(true);
    const iterator = euDay?.iterator();
    const occurrences = Array.from({ length: 3 }, () => iterator?.next()?.toString());
    expect(occurrences).toEqual(['2007-10-18', '2008-10-18', '2009-10-18']);
    expect(bySummary['International Migrants Day']?.startDate.toString()).toBe('2000-12-18');

    const exchange = bySummary['Peer exchange: recognising victims of trafficking at entry points'];
    expect(exchange?.startDate.isDate).toBe(false);
    expect(exchange?.startDate.toJSDate().toISOString()).toMatch(/-10-18T10:00:00.000Z$/);
    expect(exchange?.endDate.toJSDate().toISOString()).toMatch(/-10-18T13:00:00.000Z$/);
    expect(exchange?.location).toBe('Accra, Ghana, and online');
    expect(exchange?.uid).toMatch(/@portal\.example\.org$/);
    expect(Object.keys(bySummary).join('|')).not.toMatch(/Internal/);
  });

  it('is the same feed until something changes, with stable UIDs, and follows ?lang=', async () => {
    const first = await get('/api/public/events.ics');
    const second = await get('/api/public/events.ics', { 'if-none-match': String(first.headers.etag) });
    expect(second.statusCode).toBe(304);
    const french = parseCalendar((await get('/api/public/events.ics?lang=fr')).body);
    const english = parseCalendar(first.body);
    expect(french.map((e) => e.uid).sort()).toEqual(english.map((e) => e.uid).sort());
    expect(french.map((e) => e.summary)).toContain(
      'Journée européenne de lutte contre la traite des êtres humains',
    );
    expect((await get('/api/public/events.ics?lang=xx')).statusCode).toBe(400);
  });

  it('shows a new event at once: events bump the portfolio version', async () => {
    const before = await get('/api/public/events.ics');
    await t.database.db.insert(events).values({
      kind: 'event',
      title: { en: 'Regional round table on victim identification' },
      startDate: '2030-07-30',
    });
    const after = await get('/api/public/events.ics', { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    const added = parseCalendar(after.body).find(
      (e) => e.summary === 'Regional round table on victim identification',
    );
    expect(added?.startDate.toString()).toBe('2030-07-30');
    const listed: PublicEvents = (await get('/api/public/events?limit=100')).json();
    expect(listed.upcoming.map((e) => e.title)).toContain('Regional round table on victim identification');
  });
});
