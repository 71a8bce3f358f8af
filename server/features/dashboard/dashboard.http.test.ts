import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../kernel/spreadsheets/read-spreadsheet.ts';
import { createTestApp, type SignedInHeaders, type TestApp } from '../../test/harness.ts';
import { caller } from '../../test/requests.ts';
import type { Chart, DashboardBody } from './dashboard.contract.ts';

let t: TestApp;
let call: ReturnType<typeof caller>;
let officer: SignedInHeaders;
let steering: SignedInHeaders;
let admin: SignedInHeaders;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [officer, steering, admin] = await Promise.all([
    t.signIn('officer@demo.tandem.test'),
    t.signIn('steering@demo.tandem.test'),
    t.signIn('admin@demo.tandem.test'),
  ]);
});
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

interface Filters {
  topic?: string;
  region?: string;
  country?: string;
  status?: string;
  year?: number;
}

/** The database's raw facts, read with plain SQL; the figures are then counted here, in the test. */
async function facts() {
  const actions = await rows<{
    id: string;
    status: string;
    start: string | null;
    topics: string[];
    countries: string[];
    regions: string[];
  }>(sql`
    select a.id, a.status::text as status, coalesce(a.actual_start, a.planned_start)::text as start,
      array(select topic_code from action_topics where action_id = a.id) as topics,
      array(select country_code::text from action_countries where action_id = a.id) as countries,
      array(select c.region_code from action_countries ac join countries c on c.code = ac.country_code
             where ac.action_id = a.id) as regions
    from actions a`);
  const activities = await rows<{ action_id: string; status: string; start: string }>(
    sql`select action_id, status::text as status, start_date::text as start from activities`,
  );
  const deployments = await rows<{ expert_id: string; action_id: string; status: string; start: string }>(sql`
    select d.expert_id, x.action_id, x.status::text as status, x.start_date::text as start
      from deployments d join activities x on x.id = d.activity_id`);
  const requests = await rows<{
    id: string;
    submitted: string | null;
    topics: string[];
    countries: string[];
    regions: string[];
  }>(sql`
    select r.id, to_char(r.submitted_at at time zone 'UTC', 'YYYY') as submitted,
      array(select topic_code from request_topics where request_id = r.id) as topics,
      array(select country_code::text from request_countries where request_id = r.id) as countries,
      array(select c.region_code from request_countries rc join countries c on c.code = rc.country_code
             where rc.request_id = r.id) as regions
    from requests r`);
  const transitions = await rows<{ request_id: string; to_status: string; at: number }>(sql`
    select request_id, to_status::text as to_status, extract(epoch from created_at)::float8 as at
      from request_transitions order by request_id, created_at, id`);
  return { actions, activities, deployments, requests, transitions };
}

type Facts = Awaited<ReturnType<typeof facts>>;

const countBy = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
};

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** The figures every chart should show, counted from the facts. */
function expected(f: Facts, filters: Filters) {
  const matching = f.actions.filter(
    (a) =>
      (!filters.topic || a.topics.includes(filters.topic)) &&
      (!filters.region || a.regions.includes(filters.region)) &&
      (!filters.country || a.countries.includes(filters.country)) &&
      (!filters.status || a.status === filters.status),
  );
  const ids = new Set(matching.map((a) => a.id));
  const ofYear = (date: string | null) =>
    filters.year === undefined || date?.slice(0, 4) === String(filters.year);
  const dated = matching.filter((a) => ofYear(a.start));
  const held = f.activities.filter(
    (x) => ids.has(x.action_id) && ['held', 'reported'].includes(x.status) && ofYear(x.start),
  );
  const deployed = f.deployments.filter(
    (d) => ids.has(d.action_id) && d.status !== 'cancelled' && ofYear(d.start),
  );
  const expertYears = new Map<string, Set<string>>();
  for (const d of deployed) {
    const year = d.start.slice(0, 4);
    expertYears.set(year, (expertYears.get(year) ?? new Set()).add(d.expert_id));
  }

  const requests = f.requests.filter(
    (r) =>
      r.submitted !== null &&
      (filters.year === undefined || r.submitted === String(filters.year)) &&
      (!filters.topic || r.topics.includes(filters.topic)) &&
      (!filters.region || r.regions.includes(filters.region)) &&
      (!filters.country || r.countries.includes(filters.country)),
  );
  const stages = {
    submitted: [] as number[],
    screened: [] as number[],
    approved: [] as number[],
    declined: [] as number[],
  };
  const reached = { submitted: 0, screened: 0, approved: 0, declined: 0 };
  for (const r of requests) {
    const steps = f.transitions.filter((s) => s.request_id === r.id);
    const statuses = new Set(steps.map((s) => s.to_status));
    if (statuses.has('submitted')) reached.submitted++;
    if (statuses.has('steering_review')) reached.screened++;
    if (statuses.has('approved')) reached.approved++;
    if (statuses.has('declined')) reached.declined++;
    let inSubmitted = 0;
    let submittedOpen = false;
    let inScreening = 0;
    steps.forEach((step, i) => {
      const next = steps[i + 1];
      const previous = steps[i - 1];
      const days = next ? (next.at - step.at) / 86400 : 0;
      if (step.to_status === 'submitted') {
        if (next) inSubmitted += days;
        else submittedOpen = true;
      }
      if (['screening', 'clarification'].includes(step.to_status) && next) inScreening += days;
      if (step.to_status === 'approved' && previous) stages.approved.push((step.at - previous.at) / 86400);
      if (step.to_status === 'declined' && previous) stages.declined.push((step.at - previous.at) / 86400);
    });
    if (statuses.has('submitted') && !submittedOpen) stages.submitted.push(inSubmitted);
    if (statuses.has('steering_review')) stages.screened.push(inScreening);
  }

  return {
    actionsByStatus: countBy(dated.map((a) => a.status)),
    actionsByTopic: countBy(dated.flatMap((a) => a.topics)),
    actionsByRegion: countBy(dated.flatMap((a) => [...new Set(a.regions)])),
    actionsByYear: countBy(dated.filter((a) => a.start).map((a) => (a.start as string).slice(0, 4))),
    activitiesHeld: countBy(held.map((x) => quarterOf(x.start))),
    expertsDeployed: new Map([...expertYears].map(([year, experts]) => [year, experts.size])),
    expertsTotal: new Set(deployed.map((d) => d.expert_id)).size,
    funnel: Object.fromEntries(
      (['submitted', 'screened', 'approved', 'declined'] as const).map((stage) => [
        stage,
        { count: reached[stage], medianDays: median(stages[stage]) },
      ]),
    ),
  };
}

const nonZero = (chart: Chart | undefined) =>
  new Map((chart?.rows ?? []).filter((r) => r.count > 0).map((r) => [r.key, r.count]));
const withoutZeros = (counts: Map<string, number>) => new Map([...counts].filter(([, n]) => n > 0));

async function dashboard(who: SignedInHeaders, query = '') {
  const response = await call(who, 'GET', `/api/dashboard${query}`);
  expect(response.statusCode).toBe(200);
  const body: DashboardBody = response.json();
  return (id: Chart['id']) => body.charts.find((c) => c.id === id);
}

async function expectFigures(filters: Filters) {
  const query = new URLSearchParams(
    Object.entries(filters).map(([k, v]) => [k, String(v)]) as [string, string][],
  ).toString();
  const chart = await dashboard(officer, query ? `?${query}` : '');
  const want = expected(await facts(), filters);
  expect(nonZero(chart('actionsByStatus'))).toEqual(withoutZeros(want.actionsByStatus));
  expect(nonZero(chart('actionsByTopic'))).toEqual(want.actionsByTopic);
  expect(nonZero(chart('actionsByRegion'))).toEqual(want.actionsByRegion);
  expect(nonZero(chart('actionsByYear'))).toEqual(want.actionsByYear);
  expect(nonZero(chart('activitiesHeld'))).toEqual(want.activitiesHeld);
  expect(nonZero(chart('expertsDeployed'))).toEqual(want.expertsDeployed);
  expect(chart('expertsDeployed')?.total).toBe(want.expertsTotal);
  const funnel = Object.fromEntries(
    (chart('requestFunnel')?.rows ?? []).map((r) => [r.key, { count: r.count, medianDays: r.medianDays }]),
  );
  expect(funnel).toEqual(want.funnel);
  return want;
}

describe('the dashboard', () => {
  it('is for staff and steering: partners and experts are refused, anonymous callers asked to sign in', async () => {
    for (const email of ['partner.ghana@demo.tandem.test', 'expert@demo.tandem.test']) {
      const response = await call(await t.signIn(email), 'GET', '/api/dashboard');
      expect(response.statusCode).toBe(403);
    }
    expect((await call(undefined, 'GET', '/api/dashboard')).statusCode).toBe(401);
    expect((await call(steering, 'GET', '/api/dashboard')).statusCode).toBe(200);
    expect((await call(admin, 'GET', '/api/dashboard')).statusCode).toBe(200);
  });

  it('shows the numbers the database holds, chart by chart', async () => {
    const want = await expectFigures({});
    // The demo has something in every chart, so the comparison is not between empty lists.
    expect(want.actionsByStatus.size).toBeGreaterThan(1);
    expect(want.activitiesHeld.size).toBeGreaterThan(0);
    expect(want.expertsTotal).toBeGreaterThan(0);
    expect(want.funnel.submitted?.count).toBeGreaterThan(0);
    expect(want.funnel.approved?.medianDays).not.toBeNull();
  });

  it('applies each filter to every chart', async () => {
    const [topic] = await rows<{ topic_code: string }>(
      sql`select topic_code from action_topics group by topic_code order by count(*) desc limit 1`,
    );
    const [country] = await rows<{ code: string; region: string }>(sql`
      select ac.country_code::text as code, c.region_code as region from action_countries ac
        join countries c on c.code = ac.country_code group by 1, 2 order by count(*) desc limit 1`);
    const [year] = await rows<{ year: number }>(
      sql`select extract(year from start_date)::int as year from activities group by 1 order by count(*) desc limit 1`,
    );
    await expectFigures({ topic: topic?.topic_code });
    await expectFigures({ region: country?.region });
    await expectFigures({ country: country?.code });
    await expectFigures({ status: 'implementation' });
    await expectFigures({ year: year?.year });
    await expectFigures({ topic: topic?.topic_code, year: year?.year, status: 'implementation' });
  });

  it('answers from its copy until a table it reads changes, then counts again', async () => {
    const first = await call(officer, 'GET', '/api/dashboard');
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await call(officer, 'GET', '/api/dashboard', undefined, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);

    const [action] = await rows<{ id: string; status: string }>(
      sql`select id, status::text as status from actions where status <> 'suspended' limit 1`,
    );
    await t.database.db.execute(sql`update actions set status = 'suspended' where id = ${action?.id}`);
    try {
      const changed = await call(officer, 'GET', '/api/dashboard', undefined, { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      await expectFigures({});
    } finally {
      await t.database.db.execute(
        sql`update actions set status = ${action?.status}::action_status where id = ${action?.id}`,
      );
    }
  });

  it("follows each request's history, whoever writes it (request_stages, kept by a trigger)", async () => {
    const stagesAsTheRuleSays = async () => {
      const [row] = await rows<{ kept: number; differ: number }>(sql`
        select (select count(*)::int from request_stages) as kept,
               (select count(*)::int from ((table request_stages except table request_stage_rule)
                  union all (table request_stage_rule except table request_stages)) d) as differ`);
      expect(row?.kept).toBeGreaterThan(0);
      expect(row?.differ).toBe(0);
    };
    await stagesAsTheRuleSays();
    // A request in steering review: approved, the decision moved a week later, then taken back.
    const [review] = await rows<{ id: string }>(sql`
      select r.id from requests r where r.status = 'steering_review' order by r.id limit 1`);
    expect(review).toBeDefined();
    const decided = await rows<{ id: string }>(sql`
      insert into request_transitions (request_id, from_status, to_status, created_at)
      values (${review?.id}, 'steering_review', 'approved', now() + interval '3 days') returning id`);
    await stagesAsTheRuleSays();
    await expectFigures({});
    await t.database.db.execute(
      sql`update request_transitions set created_at = created_at + interval '7 days' where id = ${decided[0]?.id}`,
    );
    await stagesAsTheRuleSays();
    await expectFigures({});
    await t.database.db.execute(sql`delete from request_transitions where id = ${decided[0]?.id}`);
    await stagesAsTheRuleSays();
    await expectFigures({});
  });

  it('refuses a filter it does not know, naming the field', async () => {
    const response = await call(officer, 'GET', '/api/dashboard?year=soon');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('year');
  });

  it('labels rows in the reader’s language', async () => {
    const response = await call(officer, 'GET', '/api/dashboard', undefined, { 'accept-language': 'fr' });
    const status = (response.json() as DashboardBody).charts.find((c) => c.id === 'actionsByStatus');
    expect(status?.title).toBe('Actions par statut');
    expect(status?.rows.find((r) => r.key === 'completed')?.label).toBe('Terminée');
  });
});

describe('a chart’s table', () => {
  it('downloads as CSV and as XLSX with the figures of the chart', async () => {
    const chart = await dashboard(steering, '?status=implementation');
    const topics = chart('actionsByTopic');
    const csv = await call(
      steering,
      'GET',
      '/api/dashboard/table?chart=actionsByTopic&format=csv&status=implementation',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('dashboard-actionsByTopic.csv');
    const fromCsv = await readSpreadsheet(csv.rawPayload, 'topics.csv', { maxBytes: 1e6, maxRows: 1000 });
    expect(fromCsv.rows.map((r) => [r.cells.code, Number(r.cells.Count)])).toEqual(
      topics?.rows.map((r) => [r.key, r.count]),
    );

    const xlsx = await call(
      steering,
      'GET',
      '/api/dashboard/table?chart=requestFunnel&format=xlsx',
      undefined,
      {
        'accept-language': 'es',
      },
    );
    expect(xlsx.statusCode).toBe(200);
    const fromXlsx = await readSpreadsheet(xlsx.rawPayload, 'funnel.xlsx', { maxBytes: 1e6, maxRows: 1000 });
    expect(fromXlsx.headers).toEqual(['code', 'Categoría', 'Número', 'Mediana de días en la etapa']);
    const funnel = chart('requestFunnel');
    expect(fromXlsx.rows.map((r) => [r.cells.code, Number(r.cells.Número)])).toEqual(
      funnel?.rows.map((r) => [r.key, r.count]),
    );
  });

  it('is refused to a partner and for an unknown chart', async () => {
    const partner = await t.signIn('partner.jordan@demo.tandem.test');
    expect(
      (await call(partner, 'GET', '/api/dashboard/table?chart=actionsByTopic&format=csv')).statusCode,
    ).toBe(403);
    expect((await call(officer, 'GET', '/api/dashboard/table?chart=secrets&format=csv')).statusCode).toBe(
      400,
    );
    expect(
      (await call(officer, 'GET', '/api/dashboard/table?chart=actionsByTopic&format=pdf')).statusCode,
    ).toBe(400);
  });
});

describe('officials trained, by sex', () => {
  /** Officials trained counted here: participants present on at least 80% of a held training's days. */
  async function trainedBySex(actionFilter: ReturnType<typeof sql>) {
    const counted = await rows<{ sex: string; people: number }>(sql`
      select pe.sex::text as sex, count(distinct pe.id)::int as people
        from people pe
        join participations pa on pa.person_id = pe.id and pa.role = 'participant'
        join activities x on x.id = pa.activity_id
       where x.type in ('training', 'training_of_trainers') and x.status in ('held', 'reported')
         and x.action_id in (${actionFilter})
         and 5 * (select count(*) from attendance at where at.participation_id = pa.id and at.present
                   and at.day between x.start_date and x.end_date)
             >= 4 * (x.end_date - x.start_date + 1)
       group by pe.sex`);
    return new Map(counted.map((r) => [r.sex, r.people]));
  }

  it('counts the people the participants feature counts as trained, under the filters', async () => {
    const [training] = await rows<{
      id: string;
      action_id: string;
      start: string;
      days: number;
      topic: string;
    }>(sql`
      select x.id, x.action_id, x.start_date::text as start, (x.end_date - x.start_date + 1) as days,
             (select topic_code from action_topics where action_id = x.action_id limit 1) as topic
        from activities x
       where x.type = 'training' and x.status in ('held', 'reported')
       order by x.start_date limit 1`);
    if (!training) throw new Error('the demo has no held training');
    // Six people: four attended every day, two only one day (not trained unless the training is one day long).
    const people: [string, string, number][] = [
      ['Ama Owusu', 'female', training.days],
      ['Efua Mensah', 'female', training.days],
      ['Kofi Boateng', 'male', training.days],
      ['Sam Addo', 'other', training.days],
      ['Yaw Darko', 'male', 1],
      ['Akua Asante', 'female', 1],
    ];
    for (const [name, sex, present] of people) {
      const [person] = await rows<{ id: string }>(sql`
        insert into people (full_name, name_key, sex, position_level, lawful_basis)
        values (${name}, ${name.toLowerCase()}, ${sex}, 'mid_level', 'public_task') returning id`);
      const [participation] = await rows<{ id: string }>(sql`
        insert into participations (person_id, activity_id, role) values (${person?.id}, ${training.id}, 'participant')
        returning id`);
      for (let day = 0; day < present; day++) {
        await t.database.db.execute(sql`
          insert into attendance (participation_id, day, present)
          values (${participation?.id}, ${training.start}::date + ${day}::int, true)`);
      }
    }

    const all = (await dashboard(officer))('officialsTrained');
    const want = await trainedBySex(sql`select id from actions`);
    expect(nonZero(all)).toEqual(want);
    expect(all?.total).toBe([...want.values()].reduce((a, b) => a + b, 0));
    expect(want.get('female')).toBeGreaterThanOrEqual(2);

    const byTopic = (await dashboard(officer, `?topic=${training.topic}`))('officialsTrained');
    expect(nonZero(byTopic)).toEqual(
      await trainedBySex(sql`select action_id from action_topics where topic_code = ${training.topic}`),
    );
    const otherStatus = await rows<{ status: string }>(
      sql`select status::text as status from actions where id <> ${training.action_id} and status::text <> (select status::text from actions where id = ${training.action_id}) limit 1`,
    );
    const elsewhere = (await dashboard(officer, `?status=${otherStatus[0]?.status}`))('officialsTrained');
    expect(nonZero(elsewhere)).toEqual(
      await trainedBySex(sql`select id from actions where status::text = ${otherStatus[0]?.status}`),
    );
  });
});
