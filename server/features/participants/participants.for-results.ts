import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import { type Sex, trainedParticipations, trainedPeopleCounts } from './participants.table.ts';

/**
 * What results read of participants: how many officials were trained and how many trainers.
 *
 * An official is trained when, in a training or a training of trainers that was held (status
 * `held` or `reported`), they took part with the role `participant` and were present on at least
 * 80% of the activity's days (start to end date, inclusive). A trainer is trained when such a
 * person has the position level `trainer` and the activity was a training of trainers.
 *
 * The database applies that rule itself (the view `trained_participation_rule`, migration 0027) and
 * keeps its result current in `trained_participations`, in the transaction of every change to
 * attendance, participations, activities or people (decision 112). Counting reads that table.
 *
 * People are counted once per count (a person trained by two Actions counts in each Action's count
 * and once in the count of both). Pseudonymised and erased people still count: their sex is kept.
 */

export type CountsBySex = Record<Sex, number> & { total: number };

/**
 * The trained participations of the Actions that `actionFilter` selects (a condition on `t`, a row
 * of `trained_participations`): one row per participation, with `action_id`, `activity_id`,
 * `person_id`, `sex`, `end_date` and `is_trainer`.
 */
export function trainedParticipationsWhere(actionFilter: SQL): SQL {
  return sql`
    select t.action_id, t.activity_id, t.person_id, t.sex, t.end_date, t.is_trainer
    from ${trainedParticipations} t
    where ${actionFilter}`;
}

/** A condition on the trained participation `t`: it belongs to one of these Actions. */
export const ofActions = (actionIds: readonly string[]): SQL =>
  actionIds.length === 0
    ? sql`false`
    : sql`t.action_id in (${sql.join(
        actionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

/** A condition on the trained participation `t`: it belongs to an Action that `actionIds` selects. */
const inActions = (actionIds: SelectedKeys): SQL => selectedBy(sql`t.action_id`, actionIds);

/** No one yet: a count by sex to add to. */
export const emptyCounts = (): CountsBySex => ({ female: 0, male: 0, other: 0, total: 0 });

/**
 * Officials trained in the Actions that `actionIds` selects, by sex, each person once; read from the
 * counts the database keeps when `kept` names the same selection (keptFilterOf).
 */
export async function countTrainedBySex(
  db: Db,
  actionIds: SelectedKeys,
  kept?: string,
): Promise<CountsBySex> {
  if (kept !== undefined) return keptTrainedBySex(db, kept);
  const rows = await queryReportRows<{ sex: Sex; people: number }>(
    db,
    sql`
    select t.sex, count(distinct t.person_id)::int as people
      from (${trainedParticipationsWhere(inActions(actionIds))}) t
     group by t.sex`,
  );
  const counts = emptyCounts();
  for (const row of rows) addBySex(counts, row.sex, row.people);
  return counts;
}

/** Adds `n` people of one sex to a count by sex. */
export function addBySex(counts: CountsBySex, sex: Sex, n: number) {
  counts[sex] += Number(n);
  counts.total += Number(n);
}

/** People trained, by sex, under one breakdown: overall, trainers, or per key (a region, topic or year). */
export interface TrainedBreakdownRow {
  breakdown: 'officials' | 'trainers' | 'region' | 'topic' | 'year';
  key: string | null;
  sex: Sex;
  people: number;
}

/**
 * Officials trained in some Actions (in one year of the trainings' last days, if given), counted in
 * the database: overall and trainers by sex, and by region, topic and year, each person once per
 * key. `actionIds` selects the Actions' ids (actionsMatching), so that PostgreSQL selects them
 * itself; `regionKeys` and `topicKeys` give each Action's keys as rows of (action_id, key). When
 * `kept` names the same selection (keptFilterOf), the counts the database keeps.
 */
export async function countTrainedBreakdowns(
  db: Db,
  actionIds: SelectedKeys,
  { year, regionKeys, topicKeys, kept }: { year?: number; regionKeys: SQL; topicKeys: SQL; kept?: string },
): Promise<TrainedBreakdownRow[]> {
  if (kept !== undefined) return keptTrainedBreakdowns(db, kept);
  const inYear = year === undefined ? sql`true` : dateInYear(sql`t.end_date`, year);
  const officials = sql`(${trainedParticipationsWhere(sql`${inActions(actionIds)} and ${inYear}`)})`;
  // Three statements rather than one, side by side a few at a time (queryReportRows): on PostgreSQL
  // each takes a connection of the pool. The first counts officials, trainers and each year in one
  // pass (two groupings); the regions and topics each join their keys.
  const [overallAndYears, regions, topics] = await Promise.all([
    queryReportRows<{ key: string | null; sex: Sex; people: number; trainers: number }>(
      db,
      sql`select extract(year from end_date)::int::text as key, sex::text as sex,
                 count(distinct person_id)::int as people,
                 (count(distinct person_id) filter (where is_trainer))::int as trainers
            from ${officials} o group by grouping sets ((sex), (1, sex))`,
    ),
    queryReportRows<TrainedBreakdownRow>(
      db,
      sql`select 'region' as breakdown, f.key, o.sex::text as sex, count(distinct o.person_id)::int as people
            from ${officials} o join (${regionKeys}) f on f.action_id = o.action_id group by f.key, o.sex`,
    ),
    queryReportRows<TrainedBreakdownRow>(
      db,
      sql`select 'topic' as breakdown, f.key, o.sex::text as sex, count(distinct o.person_id)::int as people
            from ${officials} o join (${topicKeys}) f on f.action_id = o.action_id group by f.key, o.sex`,
    ),
  ]);
  // Every training has a last day, so the rows without a year are the counts over all of them.
  const overall = overallAndYears.filter((row) => row.key === null);
  return [
    ...overall.map(
      ({ sex, people }): TrainedBreakdownRow => ({ breakdown: 'officials', key: null, sex, people }),
    ),
    ...overall
      .filter((row) => row.trainers > 0)
      .map(
        ({ sex, trainers }): TrainedBreakdownRow => ({
          breakdown: 'trainers',
          key: null,
          sex,
          people: trainers,
        }),
      ),
    ...regions,
    ...topics,
    ...overallAndYears
      .filter((row) => row.key !== null)
      .map(({ key, sex, people }): TrainedBreakdownRow => ({ breakdown: 'year', key, sex, people })),
  ];
}

/** What the database keeps the people trained under: the Actions' regions and topics, the trainings' years. */
const KEPT_CRITERIA = ['region', 'topic', 'year'];

/**
 * The filter the database keeps the people trained under for these criteria (decision 119): '' when
 * none is given, `region=asia`, `topic=thb` or `year=2024` when one of those is; undefined when the
 * criteria select otherwise (two at once, or one that is not kept), and the people are counted.
 * A region or topic selects the Actions that have it; a year, the trainings that ended in it.
 */
export function keptFilterOf(criteria: Record<string, string | number | undefined>): string | undefined {
  const given = Object.entries(criteria).filter(([, value]) => value !== undefined);
  if (given.length === 0) return '';
  const [only] = given;
  if (given.length > 1 || !only || !KEPT_CRITERIA.includes(only[0])) return undefined;
  return `${only[0]}=${only[1]}`;
}

/**
 * What countTrainedBreakdowns counts for the whole portfolio or under one filter (keptFilterOf), as
 * the database keeps it (`trained_people_counts`, migrations 0030 and 0033, decisions 115 and 119):
 * a few hundred rows to add up, where counting takes a pass over the trained participations for
 * each breakdown.
 */
export function keptTrainedBreakdowns(db: Db, filter: string): Promise<TrainedBreakdownRow[]> {
  return queryRows<TrainedBreakdownRow>(
    db,
    sql`
    select breakdown, nullif(key, '') as key, sex::text as sex, sum(people)::int as people
      from ${trainedPeopleCounts}
     where ${trainedPeopleCounts.filter} = ${filter}
     group by breakdown, key, sex
    having sum(people) <> 0`,
  );
}

/** Officials trained in the whole portfolio or under one filter, by sex, as the database keeps the count. */
export async function keptTrainedBySex(db: Db, filter: string): Promise<CountsBySex> {
  const counts = emptyCounts();
  for (const row of await keptTrainedBreakdowns(db, filter))
    if (row.breakdown === 'officials') addBySex(counts, row.sex, row.people);
  return counts;
}
