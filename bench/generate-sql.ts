// The statements that fill a portfolio, in order. Every value comes from the database's own seeded
// functions (bench_gen.rand, bench_gen.uuid: a hash of the seed, a stream name and a row number), so
// that the same seed gives the same rows on any PostgreSQL, and every row is made by INSERT ... SELECT
// over generate_series: no row crosses the wire.

/** The counts at scale 1: the sizes. */
export const FULL_SIZE = {
  institutions: 3_000,
  actions: 10_000,
  activities: 200_000,
  people: 500_000,
  participations: 2_000_000,
  experts: 20_000,
  deployments: 100_000,
  libraryDocuments: 100_000,
  requests: 50_000,
};
export type Sizes = typeof FULL_SIZE;

/** "Today" for the generated portfolio: fixed, so that the statuses do not drift with the calendar. */
export const GENERATION_DAY = '2026-11-01';

export const sizesAt = (scale: number): Sizes =>
  Object.fromEntries(
    Object.entries(FULL_SIZE).map(([name, count]) => [name, Math.max(1, Math.round(count * scale))]),
  ) as Sizes;

/** The smallest prime above `from` that does not divide `n`: a stride that visits every one of n. */
export function coprimeStride(n: number, from: number): number {
  const isPrime = (p: number) => {
    for (let d = 2; d * d <= p; d++) if (p % d === 0) return false;
    return p > 1;
  };
  let p = from;
  while (!isPrime(p) || n % p === 0) p++;
  return p;
}

const FUNCTIONS = (seed: number) => [
  'drop schema if exists bench_gen cascade',
  'create schema bench_gen',
  // A uniform number in [0, 1) for row i of a stream: PostgreSQL's own 64-bit hash of the row
  // number, seeded by the seed and the stream's name (a hash on integers, the same on every platform).
  `create function bench_gen.rand(stream text, i bigint) returns double precision
     language sql immutable parallel safe as
     $$ select (hashint8extended(i, ${seed}::bigint # (hashtext(stream)::bigint << 32)) & 4294967295)::double precision
               / 4294967296.0 $$`,
  // A version-4 shaped UUID (the API validates them), from two hashes of the row number.
  `create function bench_gen.uuid(kind text, i bigint) returns uuid
     language sql immutable parallel safe as
     $$ select (lpad(to_hex((hashint8extended(i, ${seed}::bigint # (hashtext('id:' || kind)::bigint << 32))
                             & ~x'f000'::bigint) | x'4000'::bigint), 16, '0')
             || lpad(to_hex((hashint8extended(i, ${seed}::bigint # (hashtext('id2:' || kind)::bigint << 32))
                             & x'3fffffffffffffff'::bigint) | (-9223372036854775807 - 1)), 16, '0'))::uuid $$`,
  `create function bench_gen.pick(choices anyarray, r double precision) returns anyelement
     language sql immutable parallel safe as
     $$ select choices[1 + floor(r * array_length(choices, 1))::int] $$`,
  // A draw from weighted choices: weights need not sum to one.
  `create function bench_gen.weighted(choices anyarray, weights double precision[], r double precision)
     returns anyelement language plpgsql immutable parallel safe as $$
     declare total double precision := 0; acc double precision := 0; w double precision;
     begin
       foreach w in array weights loop total := total + w; end loop;
       for k in 1 .. array_length(weights, 1) loop
         acc := acc + weights[k];
         if r * total < acc then return choices[k]; end if;
       end loop;
       return choices[array_length(choices, 1)];
     end $$`,
  `create function bench_gen.roman(n int) returns text language sql immutable as
     $$ select trim(to_char(n, 'RN')) $$`,
];

const FIRST_FEMALE = `array['Amina','Fatima','Maria','Ana','Sofia','Leila','Nadia','Grace','Chipo','Aisha','Mariam',
  'Lucia','Carmen','Rosa','Elena','Yasmin','Salma','Zainab','Ngozi','Abena','Esther','Ruth','Nour','Rania','Hana',
  'Linh','Mai','Anh','Priya','Sunita','Farida','Juliana','Patricia','Gabriela','Camila','Valentina','Isabel','Teresa',
  'Adriana','Beatriz']`;
const FIRST_MALE = `array['Mohamed','Ahmed','Jose','Juan','Carlos','Luis','Omar','Yusuf','Kwame','Kofi','Ibrahim',
  'Samuel','David','Daniel','Pedro','Miguel','Ali','Hassan','Karim','Tariq','Emeka','Chinedu','Tendai','Blessing',
  'Minh','Tuan','Ravi','Arjun','Imran','Bilal','Diego','Andres','Felipe','Ricardo','Jorge','Mateus','Paulo','Rui',
  'Khalid','Sami']`;
const LAST = `array['Diallo','Traore','Mensah','Okafor','Mwangi','Banda','Moyo','Hassan','Haddad','Khalil','Mansour',
  'Garcia','Rodriguez','Lopez','Martinez','Gonzalez','Perez','Sanchez','Ramirez','Torres','Flores','Silva','Santos',
  'Oliveira','Souza','Pereira','Costa','Nguyen','Tran','Le','Pham','Sharma','Patel','Khan','Rahman','Ahmadi','Karimi',
  'Ochieng','Kamau','Nkosi','Abdullah','Saleh','Yilmaz','Demir','Mendoza','Castillo','Vargas','Rojas','Chavez','Alves']`;

/** Each step: a name for the log and its statements. */
export interface Step {
  name: string;
  statements: string[];
  /**
   * Tables whose foreign keys are dropped for the step and added again after it, in one
   * transaction: adding a key checks every row in one join, where a key kept in place checks each
   * inserted row on its own (most of the time of the largest tables).
   */
  foreignKeysAfter?: string[];
}

export function portfolioSteps(sizes: Sizes, seed: number): Step[] {
  const n = sizes;
  const today = `date '${GENERATION_DAY}'`;
  const personStride = coprimeStride(n.people, 104_729);
  const expertStride = coprimeStride(n.experts, 7_919);
  return [
    {
      name: 'helpers',
      statements: [
        ...FUNCTIONS(seed),
        // The taxonomies as numbered lists, so that a random number picks one by a join on its number.
        `create unlogged table bench_gen.countries as
           select row_number() over (order by code)::int as ord, code, name, region_code
             from countries where region_code <> 'eu'`,
        `create unlogged table bench_gen.eu as
           select row_number() over (order by code)::int as ord, code, name from countries where region_code = 'eu'`,
        `create unlogged table bench_gen.lists as select
           (select array_agg(code order by sort_order, code) from topics) as topics,
           (select array_agg(name ->> 'en' order by sort_order, code) from topics) as topic_names,
           (select array_agg(code order by sort_order, code) from pillars) as pillars,
           (select array_agg(code order by sort_order, code) from approaches) as approaches,
           (select array_agg(code order by sort_order, code) from regions where code <> 'eu') as regions,
           (select count(*)::int from bench_gen.countries) as country_count,
           (select count(*)::int from bench_gen.eu) as eu_count,
           (select id from users where role in ('officer', 'admin') order by role desc, email limit 1) as staff_id`,
      ],
    },
    {
      name: 'institutions',
      statements: [
        // Every partner country has its institutions (in turn), named after what they are.
        `create unlogged table bench_gen.institutions as
           select i as idx, bench_gen.uuid('institution', i) as id, c.code as country, c.name as country_name,
                  ((i - 1) / l.country_count) % 8 as kind
             from generate_series(1, ${n.institutions}) i, bench_gen.lists l
             join bench_gen.countries c on true
            where c.ord = 1 + (i - 1) % l.country_count`,
        `alter table bench_gen.institutions add primary key (idx)`,
        `insert into institutions (id, name, acronym, type, country_code, created_at)
         select id,
                (array['Ministry of the Interior','National Police','Labour Inspectorate','Office of the Prosecutor General',
                       'Immigration Service','Border Guard','Ministry of Justice','National Anti-Trafficking Commission'])[kind + 1]
                  || ', ' || country_name || case when idx > 8 * (select country_count from bench_gen.lists)
                                                  then ' (' || idx || ')' else '' end,
                (array['MOI','NP','LI','OPG','IS','BG','MOJ','NATC'])[kind + 1],
                (array['ministry','police','agency','judiciary','agency','police','ministry','agency'])[kind + 1]::institution_type,
                country, timestamptz '2005-06-01' + (idx % 365) * interval '1 day'
           from bench_gen.institutions`,
      ],
    },
    {
      name: 'actions',
      statements: [
        // Starts grow denser towards today (a facility that grows), over twenty years.
        `create unlogged table bench_gen.actions as
           with drawn as (
             select a as idx, bench_gen.uuid('action', a) as id,
                    1 + floor(bench_gen.rand('action.institution', a) * ${n.institutions})::int as inst_idx,
                    date '2006-01-01' + floor(7600 * sqrt(bench_gen.rand('action.start', a)))::int as start,
                    bench_gen.rand('action.status', a) as s,
                    240 + floor(bench_gen.rand('action.length', a) * 540)::int as length
               from generate_series(1, ${n.actions}) a)
           select d.idx, d.id, d.inst_idx, i.id as institution_id, i.country, i.country_name, c.region_code as region,
                  d.start, d.start + d.length as planned_end,
                  case
                    when d.start > ${today} - 120 then case when d.s < 0.6 then 'design' else 'implementation' end
                    when d.start + d.length > ${today} then
                      case when d.s < 0.85 then 'implementation' when d.s < 0.92 then 'closing'
                           when d.s < 0.96 then 'suspended' else 'design' end
                    else case when d.s < 0.91 then 'completed' when d.s < 0.96 then 'cancelled'
                              when d.s < 0.98 then 'closing' else 'suspended' end
                  end::action_status as status,
                  bench_gen.rand('action.topic', d.idx) as topic_r
             from drawn d join bench_gen.institutions i on i.idx = d.inst_idx
             join bench_gen.countries c on c.code = i.country`,
        `alter table bench_gen.actions add primary key (idx)`,
        // Named as the app names them (createActionFromRequest): the country and the next roman
        // numeral after the Actions already named so, its code the name's slug.
        `alter table bench_gen.actions add column seq int, add column name text, add column code text`,
        `update bench_gen.actions a set seq = s.seq, name = a.country_name || ' ' || bench_gen.roman(s.seq),
                code = trim(both '-' from regexp_replace(
                         translate(lower(a.country_name), 'áàâäãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'),
                         '[^a-z0-9]+', '-', 'g'))
                       || '-' || lower(bench_gen.roman(s.seq))
           from (select g.idx, (row_number() over (partition by g.country order by g.start, g.idx)
                                + coalesce((select max(x.sequence) from actions x
                                             where x.name = g.country_name
                                                or (left(x.name, length(g.country_name) + 1) = g.country_name || ' '
                                                    and substr(x.name, length(g.country_name) + 2) ~ '^[IVXLCDM]+$')), 0))::int as seq
                   from bench_gen.actions g) s
          where s.idx = a.idx`,
        `insert into actions (id, code, name, sequence, title, summary, status, planned_start, planned_end,
                              actual_start, actual_end, version, created_at, updated_at)
         select a.id, a.code, a.name, a.seq,
                jsonb_build_object('en', 'Strengthening ' || lower(bench_gen.pick(l.topic_names, a.topic_r)) || ' in ' || a.country_name),
                jsonb_build_object('en', 'The ' || (select name from institutions where id = a.institution_id)
                  || ' asked for peer support on ' || lower(bench_gen.pick(l.topic_names, a.topic_r))
                  || ': training of front-line officials, standard procedures and a referral mechanism.'),
                a.status, a.start, a.planned_end,
                case when a.status <> 'design' then a.start + floor(bench_gen.rand('action.actual', a.idx) * 30)::int end,
                case when a.status in ('completed', 'cancelled')
                     then least(a.planned_end + floor(bench_gen.rand('action.end', a.idx) * 60)::int - 10, ${today} - 1) end,
                case a.status when 'design' then 1 when 'implementation' then 2 when 'completed' then 4 else 3 end,
                a.start - 60, a.start - 60 + least(a.planned_end - a.start, ${today} - a.start) * interval '1 day'
           from bench_gen.actions a, bench_gen.lists l`,
        `insert into action_countries (action_id, country_code) select id, country from bench_gen.actions`,
        // One Action in ten is regional: two more countries of its region.
        `insert into action_countries (action_id, country_code)
         select a.id, c.code from bench_gen.actions a, generate_series(1, 2) k, bench_gen.lists l
           join lateral (select code from bench_gen.countries c where c.region_code = a.region
                          order by md5(c.code || a.idx || k) limit 1) c on true
          where bench_gen.rand('action.regional', a.idx) < 0.1
         on conflict do nothing`,
        `insert into action_topics (action_id, topic_code)
         select a.id, bench_gen.pick(l.topics, a.topic_r) from bench_gen.actions a, bench_gen.lists l
         union
         select a.id, bench_gen.pick(l.topics, bench_gen.rand('action.topic2', a.idx))
           from bench_gen.actions a, bench_gen.lists l where bench_gen.rand('action.has_topic2', a.idx) < 0.3`,
        `insert into action_pillars (action_id, pillar_code)
         select distinct a.id, bench_gen.pick(l.pillars, bench_gen.rand('action.pillar' || k, a.idx))
           from bench_gen.actions a, bench_gen.lists l, generate_series(1, 2) k`,
        `insert into action_approaches (action_id, approach_code)
         select distinct a.id, bench_gen.pick(l.approaches, bench_gen.rand('action.approach' || k, a.idx))
           from bench_gen.actions a, bench_gen.lists l, generate_series(1, 2) k`,
        `insert into action_institutions (action_id, institution_id, role)
         select a.id, a.institution_id, r::action_institution_role
           from bench_gen.actions a, unnest(array['requesting', 'beneficiary']) r`,
        // The timeline: every status the Action went through.
        `insert into action_events (action_id, at, actor_id, kind, subject_type, subject_id, label, details)
         select a.id, e.at, l.staff_id, e.kind, 'action', a.id, a.name, e.details
           from bench_gen.actions a, bench_gen.lists l, actions x,
                lateral (values
                  ('action.started', x.actual_start + time '09:00', jsonb_build_object('from', 'design', 'to', 'implementation'), x.actual_start is not null),
                  ('action.closing', x.planned_end + time '09:00', jsonb_build_object('from', 'implementation', 'to', 'closing'), a.status in ('closing', 'completed')),
                  ('action.completed', x.actual_end + time '09:00', jsonb_build_object('from', 'closing', 'to', 'completed'), a.status = 'completed'),
                  ('action.cancelled', x.actual_end + time '09:00', jsonb_build_object('from', 'implementation', 'to', 'cancelled'), a.status = 'cancelled'),
                  ('action.suspended', least(x.actual_start + 90, ${today} - 1) + time '09:00', jsonb_build_object('from', 'implementation', 'to', 'suspended'), a.status = 'suspended')
                ) e(kind, at, details, happened)
          where x.id = a.id and e.happened`,
      ],
    },
    {
      name: 'requests',
      statements: [
        // Requests 1..actions were approved and made the Actions; the rest are everywhere in their life.
        `create unlogged table bench_gen.requests as
           with drawn as (
             select r as idx, bench_gen.uuid('request', r) as id, bench_gen.rand('request.status', r) as s,
                    bench_gen.rand('request.clarified', r) < 0.25 as clarified
               from generate_series(1, ${n.requests}) r)
           select d.idx, d.id, d.clarified,
                  case when d.idx <= ${n.actions} then 'approved'
                       when d.s < 0.45 then 'declined' when d.s < 0.70 then 'withdrawn' when d.s < 0.80 then 'draft'
                       when d.s < 0.85 then 'submitted' when d.s < 0.91 then 'screening' when d.s < 0.95 then 'clarification'
                       else 'steering_review' end as status,
                  case when d.idx <= ${n.actions} then a.inst_idx
                       else 1 + floor(bench_gen.rand('request.institution', d.idx) * ${n.institutions})::int end as inst_idx,
                  case when d.idx <= ${n.actions} then a.start - 200
                       when d.s >= 0.70 then ${today} - 10 - floor(bench_gen.rand('request.recent', d.idx) * 150)::int
                       else date '2006-01-01' + floor(7300 * sqrt(bench_gen.rand('request.created', d.idx)))::int - 200 end as created,
                  a.id as action_id, a.name as action_name
             from drawn d left join bench_gen.actions a on a.idx = d.idx`,
        `alter table bench_gen.requests add primary key (idx)`,
        `alter table bench_gen.requests add column path text[]`,
        `update bench_gen.requests set path = case status
            when 'draft' then array['draft']
            when 'submitted' then array['draft', 'submitted']
            when 'screening' then array['draft', 'submitted', 'screening']
            when 'clarification' then array['draft', 'submitted', 'screening', 'clarification']
            when 'withdrawn' then case when clarified then array['draft', 'withdrawn'] else array['draft', 'submitted', 'withdrawn'] end
            else array['draft', 'submitted', 'screening']
                 || case when clarified then array['clarification', 'screening'] else array[]::text[] end
                 || array['steering_review'] || case when status = 'steering_review' then array[]::text[] else array[status] end
          end`,
        // One step every eleven to forty days.
        `create unlogged table bench_gen.transitions as
           select r.idx, r.id as request_id, p.step, p.status as to_status,
                  case when p.step > 1 then r.path[p.step - 1] end as from_status,
                  (r.created + (sum(case when p.step = 1 then 0 else 11 + floor(bench_gen.rand('request.step' || p.step, r.idx) * 30)::int end)
                     over (partition by r.idx order by p.step))::int) + time '10:00' + (r.idx % 420) * interval '1 minute' as at
             from bench_gen.requests r, unnest(r.path) with ordinality p(status, step)`,
        `create index on bench_gen.transitions (idx, to_status)`,
        `insert into requests (id, number, status, channel, language, title, thematic_area_code, problem, expected_change,
                               preferred_timing, earlier_assistance, assessment, recommendation, decision_reason,
                               steering_notes, created_by, submitted_at, decided_at, status_changed_at, version,
                               created_at, updated_at)
         select r.id, (select coalesce(max(number), 0) from requests) + r.idx, r.status::request_status,
                bench_gen.weighted(array['partner_web','letter','email','eu_delegation'], array[0.7,0.1,0.12,0.08],
                                   bench_gen.rand('request.channel', r.idx))::request_channel,
                bench_gen.weighted(array['en','fr','es','pt','ar'], array[0.4,0.22,0.22,0.1,0.06], bench_gen.rand('request.language', r.idx)),
                'Support to the ' || i.country_name || ' ' || lower(t.name ->> 'en') || ' reform',
                t.thematic_area_code,
                'Front-line officials in ' || i.country_name || ' lack the procedures and training to identify and refer cases of '
                  || lower(t.name ->> 'en') || '.',
                'Officials apply a national standard operating procedure and refer cases within 48 hours.',
                'Within the next twelve months', '',
                case when 'steering_review' = any(r.path) then 'Within the mandate; a clear demand and a committed institution.' else '' end,
                case when 'steering_review' = any(r.path) then (case when r.status = 'declined' then 'decline' else 'approve' end)::request_recommendation end,
                case r.status when 'approved' then 'Approved by the steering committee.'
                              when 'declined' then 'Outside the priorities of the current work programme.' end,
                '', null,
                (select at from bench_gen.transitions x where x.idx = r.idx and x.to_status = 'submitted'),
                (select at from bench_gen.transitions x where x.idx = r.idx and x.to_status in ('approved', 'declined')),
                last.at, array_length(r.path, 1) + case when r.action_id is not null then 1 else 0 end,
                r.created + time '10:00', last.at
           from bench_gen.requests r
           join bench_gen.institutions i on i.idx = r.inst_idx
           join topics t on t.code = (select bench_gen.pick(topics, bench_gen.rand('request.topic', r.idx)) from bench_gen.lists)
           join lateral (select max(at) as at from bench_gen.transitions x where x.idx = r.idx) last on true`,
        `select setval(pg_get_serial_sequence('requests', 'number'), (select max(number) from requests))`,
        `insert into request_institutions (request_id, institution_id, role)
         select r.id, i.id, 'requesting' from bench_gen.requests r join bench_gen.institutions i on i.idx = r.inst_idx`,
        `insert into request_countries (request_id, country_code)
         select r.id, i.country from bench_gen.requests r join bench_gen.institutions i on i.idx = r.inst_idx`,
        `insert into request_topics (request_id, topic_code)
         select r.id, bench_gen.pick(l.topics, bench_gen.rand('request.topic', r.idx)) from bench_gen.requests r, bench_gen.lists l`,
        `insert into request_target_groups (id, request_id, description, estimated_number, sort_order)
         select bench_gen.uuid('target_group', r.idx), r.id, 'Front-line officers and inspectors',
                20 + floor(bench_gen.rand('request.target', r.idx) * 300)::int, 0
           from bench_gen.requests r`,
        `insert into request_languages (request_id, language_code) select id, language from requests r
          where exists (select 1 from bench_gen.requests g where g.id = r.id)`,
        // Each request's funnel stages (migration 0031) are filled once after the histories, rather
        // than by the trigger for each statement's requests.
        `alter table request_transitions disable trigger request_transitions_inserted_refresh_stages`,
        `insert into request_transitions (id, request_id, from_status, to_status, actor_id, reason, created_at)
         select bench_gen.uuid('transition', t.idx * 100 + t.step), t.request_id, t.from_status::request_status,
                t.to_status::request_status, l.staff_id,
                case t.to_status when 'clarification' then 'Which institutions would take part, and how many officials?'
                                 when 'approved' then 'Approved by the steering committee.'
                                 when 'declined' then 'Outside the priorities of the current work programme.'
                                 when 'withdrawn' then 'The institution found another source of support.' end,
                t.at
           from bench_gen.transitions t, bench_gen.lists l`,
        `alter table request_transitions enable trigger request_transitions_inserted_refresh_stages`,
        `insert into request_stages select * from request_stage_rule on conflict do nothing`,
        `insert into request_messages (id, request_id, author_id, kind, body, created_at)
         select bench_gen.uuid('message', t.idx * 100 + t.step), t.request_id, l.staff_id,
                case when t.to_status = 'clarification' then 'question' else 'answer' end::request_message_kind,
                case when t.to_status = 'clarification' then 'Which institutions would take part, and how many officials?'
                     else 'The national police and the labour inspectorate, about sixty officials.' end,
                t.at
           from bench_gen.transitions t, bench_gen.lists l
          where t.to_status = 'clarification' or (t.to_status = 'screening' and t.from_status = 'clarification')`,
        `insert into action_requests (action_id, request_id, created_at)
         select r.action_id, r.id, (select max(at) from bench_gen.transitions x where x.idx = r.idx) + interval '1 day'
           from bench_gen.requests r where r.action_id is not null`,
      ],
    },
    {
      name: 'activities',
      statements: [
        `create unlogged table bench_gen.activities as
           with drawn as (
             select k as idx, bench_gen.uuid('activity', k) as id,
                    1 + floor(bench_gen.rand('activity.action', k) * ${n.actions})::int as action_idx,
                    bench_gen.weighted(
                      array['training','workshop','needs_assessment','training_of_trainers','study_visit','drafting_session',
                            'validation_meeting','launch_event','coaching','online_session'],
                      array[0.28,0.18,0.08,0.07,0.06,0.08,0.06,0.04,0.08,0.07], bench_gen.rand('activity.type', k)) as type,
                    bench_gen.rand('activity.status', k) as s
               from generate_series(1, ${n.activities}) k)
           select d.idx, d.id, d.action_idx, a.id as action_id, a.country, d.type, d.s,
                  a.start + floor(bench_gen.rand('activity.start', d.idx) * (a.planned_end - a.start))::int as start,
                  case d.type when 'training' then 2 + floor(bench_gen.rand('activity.days', d.idx) * 4)::int
                              when 'training_of_trainers' then 4 + floor(bench_gen.rand('activity.days', d.idx) * 2)::int
                              when 'study_visit' then 3 + floor(bench_gen.rand('activity.days', d.idx) * 3)::int
                              when 'needs_assessment' then 3 + floor(bench_gen.rand('activity.days', d.idx) * 3)::int
                              when 'workshop' then 1 + floor(bench_gen.rand('activity.days', d.idx) * 3)::int
                              when 'drafting_session' then 2 + floor(bench_gen.rand('activity.days', d.idx) * 2)::int
                              when 'coaching' then 1 + floor(bench_gen.rand('activity.days', d.idx) * 2)::int
                              else 1 end as days,
                  a.status as action_status, x.actual_end
             from drawn d join bench_gen.actions a on a.idx = d.action_idx join actions x on x.id = a.id`,
        `alter table bench_gen.activities add primary key (idx)`,
        `alter table bench_gen.activities add column status text, add column weight double precision`,
        `update bench_gen.activities set status = case
            when action_status = 'design' then case when s < 0.7 then 'planned' else 'confirmed' end
            when action_status = 'cancelled' and start > actual_end then 'cancelled'
            when start + days - 1 < ${today} then
              case when s < 0.8 then 'reported' when s < 0.92 then 'held' when s < 0.97 then 'cancelled' else 'postponed' end
            when start <= ${today} then 'confirmed'
            else case when s < 0.6 then 'planned' when s < 0.95 then 'confirmed' else 'postponed' end end`,
        // How many take part: by type, half to one and a half times the usual; ahead of time, the
        // registrations so far.
        `update bench_gen.activities set weight =
            (case type when 'training' then 25 when 'training_of_trainers' then 18 when 'workshop' then 20
                       when 'validation_meeting' then 25 when 'launch_event' then 40 when 'study_visit' then 8
                       when 'needs_assessment' then 6 when 'drafting_session' then 10 when 'coaching' then 4 else 30 end)
            * (0.5 + bench_gen.rand('activity.size', idx))
            * case when status in ('held', 'reported') then 1 when status in ('planned', 'confirmed') then 0.3 else 0 end`,
        `insert into activities (id, action_id, type, title, start_date, end_date, modality, city, country_code,
                                 working_languages, agenda, status, status_reason, report_summary, reported_at,
                                 version, created_at, updated_at)
         select g.id, g.action_id, g.type::activity_type,
                jsonb_build_object('en', initcap(replace(g.type, '_', ' ')) || ' ' || g.idx || ', ' || a.name),
                g.start, g.start + g.days - 1,
                case when g.type = 'online_session' then 'online'
                     else bench_gen.weighted(array['in_person','hybrid','online'], array[0.8,0.12,0.08],
                                             bench_gen.rand('activity.modality', g.idx)) end::activity_modality,
                null, case when g.type <> 'online_session' then g.country end,
                array[bench_gen.weighted(array['en','fr','es','pt','ar'], array[0.4,0.22,0.22,0.1,0.06],
                                         bench_gen.rand('activity.language', g.idx))],
                case when g.days > 1 then 'Day 1: context and needs. Following days: practice on cases.' else '' end,
                g.status::activity_status,
                case g.status when 'cancelled' then 'The Action was stopped.' when 'postponed' then 'Elections in the partner country.' end,
                case when g.status = 'reported' then 'Held as planned; the participants practised on realistic cases.' end,
                case when g.status = 'reported' then (g.start + g.days + 14) + time '12:00' end,
                case g.status when 'reported' then 4 when 'held' then 3 when 'planned' then 1 else 2 end,
                (g.start - 45) + time '09:00',
                least(g.start + g.days + 14, ${today}) + time '12:00'
           from bench_gen.activities g join bench_gen.actions a on a.idx = g.action_idx`,
      ],
    },
    {
      name: 'people',
      statements: [
        `insert into people (id, full_name, name_key, institution_id, institution_name, sex, age_band, position_level,
                             position, email, lawful_basis, consent_text_version, consent_given_on,
                             lawful_basis_recorded_by, lawful_basis_recorded_at, created_by, created_at, updated_at)
         select bench_gen.uuid('person', p), f.full_name, lower(f.full_name),
                case when bench_gen.rand('person.own_institution', p) < 0.75
                     then bench_gen.uuid('institution', 1 + floor(bench_gen.rand('person.institution', p) * ${n.institutions})::int) end,
                case when bench_gen.rand('person.own_institution', p) >= 0.75 then 'Regional directorate ' || (p % 97) end,
                f.sex::person_sex,
                bench_gen.weighted(array['under_25','25_34','35_44','45_54','55_plus'], array[0.08,0.32,0.32,0.2,0.08],
                                   bench_gen.rand('person.age', p))::person_age_band,
                bench_gen.weighted(array['junior','mid_level','senior','trainer'], array[0.3,0.45,0.17,0.08],
                                   bench_gen.rand('person.level', p))::person_position_level,
                null,
                case when bench_gen.rand('person.email', p) < 0.6 then lower(replace(f.full_name, ' ', '.')) || '.' || p || '@example.org' end,
                f.basis::person_lawful_basis,
                case when f.basis = 'consent' then '1' end,
                case when f.basis = 'consent' then date '2008-01-01' + (p % 6000) end,
                l.staff_id, timestamptz '2008-01-01' + (p % 6000) * interval '1 day',
                l.staff_id, timestamptz '2008-01-01' + (p % 6000) * interval '1 day',
                timestamptz '2008-01-01' + (p % 6000) * interval '1 day'
           from generate_series(1, ${n.people}) p, bench_gen.lists l,
                lateral (select case when s < 0.46 then 'female' when s < 0.985 then 'male' else 'other' end as sex,
                                case when bench_gen.rand('person.basis', p) < 0.35 then 'consent' else 'public_task' end as basis,
                                case when s < 0.46 then bench_gen.pick(${FIRST_FEMALE}, bench_gen.rand('person.first', p))
                                     else bench_gen.pick(${FIRST_MALE}, bench_gen.rand('person.first', p)) end
                                  || ' ' || bench_gen.pick(${LAST}, bench_gen.rand('person.last', p)) as full_name
                           from (select bench_gen.rand('person.sex', p) as s) x) f`,
      ],
    },
    {
      name: 'participations',
      foreignKeysAfter: ['participations', 'attendance', 'trained_participations'],
      statements: [
        // The participations are shared out over the activities by weight, exactly: activity i gets
        // the participations numbered [first, next first). Within one activity the people are distinct
        // (a stride coprime with the number of people visits each person once per lap).
        // Who was trained is filled once, after the attendance, in one statement: the triggers that
        // keep it (migration 0027) would apply the rule again at each insert.
        `alter table attendance disable trigger attendance_inserted_refreshes_trained`,
        `alter table bench_gen.activities add column first bigint, add column last bigint`,
        `update bench_gen.activities g set first = x.first, last = x.last
           from (select idx, floor(${n.participations} * (sum(weight) over w - weight) / t.total)::bigint as first,
                        floor(${n.participations} * sum(weight) over w / t.total)::bigint as last
                   from bench_gen.activities, (select sum(weight) as total from bench_gen.activities) t
                 window w as (order by idx)) x
          where x.idx = g.idx`,
        `insert into participations (id, person_id, activity_id, role, created_by, version, created_at, updated_at)
         select bench_gen.uuid('participation', k), bench_gen.uuid('person', 1 + (k * ${personStride}) % ${n.people}), g.id,
                (case when r.role < 0.93 then 'participant' when r.role < 0.96 then 'trainer'
                      when r.role < 0.98 then 'speaker' else 'observer' end)::participation_role,
                l.staff_id, 1, (g.start - 7) + time '09:00', (g.start - 7) + time '09:00'
           from bench_gen.activities g, bench_gen.lists l, generate_series(g.first, g.last - 1) k,
                lateral (select bench_gen.rand('participation.role', k) as role) r
          where g.last > g.first`,
        // Attendance on each day of a held activity: three in four came every day, some missed one,
        // the rest came about half the time; so the 80% rule has both kinds to tell apart.
        `insert into attendance (participation_id, day, present, recorded_by, recorded_at)
         select bench_gen.uuid('participation', k), g.start + d,
                case when p < 0.75 then true
                     when p < 0.9 then d <> floor(bench_gen.rand('attendance.missed', k) * g.days)::int
                     else bench_gen.rand('attendance.day' || d, k) < 0.5 end,
                l.staff_id, (g.start + g.days) + time '09:00'
           from bench_gen.activities g, bench_gen.lists l, generate_series(g.first, g.last - 1) k,
                lateral (select bench_gen.rand('attendance.profile', k) as p) x, generate_series(0, g.days - 1) d
          where g.last > g.first and g.status in ('held', 'reported')`,
        `alter table attendance enable trigger attendance_inserted_refreshes_trained`,
        // And the people counts (migration 0030) once after it, for everyone, rather than by the
        // trigger that recounts the people of each statement's rows.
        `alter table trained_participations disable trigger trained_inserted_recounts_people`,
        `insert into trained_participations select * from trained_participation_rule on conflict do nothing`,
        `alter table trained_participations enable trigger trained_inserted_recounts_people`,
        `select recount_all_trained_people()`,
      ],
    },
    {
      name: 'experts',
      statements: [
        `insert into experts (id, full_name, gender, email, phone, administration, country_code, nationality,
                              public_sector_status, nominated_by, conflict_of_interest, conflict_declared_on,
                              version, created_at, updated_at)
         select bench_gen.uuid('expert', e), f.name, f.gender::gender,
                'expert.' || e || '@example.org', null,
                (array['Federal Police','Labour Inspectorate','Public Prosecution Service','Border Guard','Ministry of the Interior',
                       'Immigration and Naturalisation Service','National Rapporteur''s Office','Judicial Academy'])[1 + e % 8]
                  || ', ' || c.name,
                c.code, c.code,
                bench_gen.weighted(array['serving','retired','other_public','non_public'], array[0.7,0.15,0.1,0.05],
                                   bench_gen.rand('expert.sector', e))::public_sector_status,
                'National focal point, ' || c.name, 'No conflict of interest.', date '2010-01-01' + (e % 5000),
                1, timestamptz '2010-01-01' + (e % 5000) * interval '1 day', timestamptz '2010-01-01' + (e % 5000) * interval '1 day'
           from generate_series(1, ${n.experts}) e, bench_gen.lists l
           join bench_gen.eu c on true,
                lateral (select case when bench_gen.rand('expert.gender', e) < 0.48 then 'female' else 'male' end as gender) g,
                lateral (select g.gender,
                                case when g.gender = 'female' then bench_gen.pick(${FIRST_FEMALE}, bench_gen.rand('expert.first', e))
                                     else bench_gen.pick(${FIRST_MALE}, bench_gen.rand('expert.first', e)) end
                                  || ' ' || bench_gen.pick(${LAST}, bench_gen.rand('expert.last', e)) as name) f
          where c.ord = 1 + floor(bench_gen.rand('expert.country', e) * l.eu_count)::int`,
        `insert into expert_languages (expert_id, language, level)
         select bench_gen.uuid('expert', e), 'en', bench_gen.pick(array['working','fluent'], bench_gen.rand('expert.en', e))::language_level
           from generate_series(1, ${n.experts}) e
         union all
         select bench_gen.uuid('expert', e), bench_gen.pick(array['fr','es','pt','ar','ru','de','it'], bench_gen.rand('expert.lang', e)),
                bench_gen.pick(array['basic','working','fluent','native'], bench_gen.rand('expert.level', e))::language_level
           from generate_series(1, ${n.experts}) e`,
        `insert into expert_topics (expert_id, topic_code)
         select distinct bench_gen.uuid('expert', e), bench_gen.pick(l.topics, bench_gen.rand('expert.topic' || k, e))
           from generate_series(1, ${n.experts}) e, generate_series(1, 3) k, bench_gen.lists l
          where k = 1 or bench_gen.rand('expert.more_topics', e) < 0.5`,
        `insert into expert_skills (expert_id, skill)
         select distinct bench_gen.uuid('expert', e),
                bench_gen.pick(array['training_delivery','curriculum_design','legal_drafting','investigation','prosecution',
                                     'victim_assistance','psychosocial_support','shelter_management','border_management',
                                     'policy_advice','data_analysis','facilitation'], bench_gen.rand('expert.skill' || k, e))
           from generate_series(1, ${n.experts}) e, generate_series(1, 3) k`,
        `insert into expert_countries (expert_id, country_code)
         select distinct bench_gen.uuid('expert', e), c.code
           from generate_series(1, ${n.experts}) e, generate_series(1, 2) k, bench_gen.lists l
           join bench_gen.countries c on true
          where c.ord = 1 + floor(bench_gen.rand('expert.worked' || k, e) * l.country_count)::int`,
        `insert into expert_regions (expert_id, region_code)
         select distinct ec.expert_id, c.region_code from expert_countries ec join countries c on c.code = ec.country_code
          where exists (select 1 from generate_series(1, ${n.experts}) e where bench_gen.uuid('expert', e) = ec.expert_id)`,
        `insert into expert_availability (id, expert_id, start_date, end_date)
         select bench_gen.uuid('availability', e), bench_gen.uuid('expert', e), ${today} + (e % 60), ${today} + (e % 60) + 180
           from generate_series(1, ${n.experts}) e`,
      ],
    },
    {
      name: 'deployments',
      statements: [
        `create unlogged table bench_gen.deployable as
           select row_number() over (order by idx)::int as ord, idx, id, start, days, status
             from bench_gen.activities where status not in ('cancelled', 'postponed')`,
        `alter table bench_gen.deployable add primary key (ord)`,
        // Who was deployed where and when (migration 0032) and its counts (0036) are filled once
        // after the deployments, rather than by the trigger for every expert of the statement.
        `alter table deployments disable trigger deployments_inserted_refresh_deployed_experts`,
        `insert into deployments (id, expert_id, activity_id, role, days, created_by, created_at)
         select bench_gen.uuid('deployment', k), bench_gen.uuid('expert', 1 + (k * ${expertStride}) % ${n.experts}), g.id,
                bench_gen.weighted(array['lead_expert','expert','trainer','facilitator'], array[0.25,0.45,0.2,0.1],
                                   bench_gen.rand('deployment.role', k))::deployment_role,
                g.days + 1, l.staff_id, (g.start - 30) + time '11:00'
           from generate_series(1, ${n.deployments}) k, bench_gen.lists l,
                lateral (select count(*)::int as e from bench_gen.deployable) c
           join bench_gen.deployable g on true
          where g.ord = 1 + (k * 7 + floor(bench_gen.rand('deployment.activity', k) * 3)::int) % c.e
         on conflict do nothing`,
        `alter table deployments enable trigger deployments_inserted_refresh_deployed_experts`,
        `insert into deployed_experts (action_id, year, expert_id)
         select action_id, year, expert_id from deployed_expert_rule on conflict do nothing`,
        `select count_all_deployed_experts()`,
        `insert into deployment_feedback (deployment_id, score, comment, given_by, created_at)
         select d.id,
                bench_gen.weighted(array[5,4,3,2,1], array[0.4,0.35,0.18,0.05,0.02], bench_gen.rand('feedback.score', k))::smallint,
                'Well prepared; the participants valued the practical cases.', l.staff_id, (g.start + g.days + 20) + time '15:00'
           from generate_series(1, ${n.deployments}) k, bench_gen.lists l
           join deployments d on true join bench_gen.deployable g on g.id = d.activity_id
          where d.id = bench_gen.uuid('deployment', k) and g.status = 'reported' and bench_gen.rand('feedback.given', k) < 0.8`,
        // Kept with every feedback by the app (ADR 022): the sum and the count on the expert's row.
        `update experts e set feedback_count = f.count, feedback_score_sum = f.sum
           from (select d.expert_id, count(*)::int as count, sum(f.score)::int as sum
                   from deployment_feedback f join deployments d on d.id = f.deployment_id group by 1) f
          where f.expert_id = e.id`,
      ],
    },
  ];
}
