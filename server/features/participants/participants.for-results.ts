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
 * Officials trained in the Actions that `actionIds` selects, by sex, each person once; for every
 * Action, the count the database keeps (keptTrainedBySex).
 */
export async function countTrainedBySex(db: Db, actionIds: SelectedKeys): Promise<CountsBySex> {
  if (actionIds === undefined) return keptTrainedBySex(db);
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
 * itself; `regionKeys` and `topicKeys` give each Action's keys as rows of (action_id, key). For every
 * Action in every year, the counts the database keeps (keptTrainedBreakdowns).
 */
export async function countTrainedBreakdowns(
  db: Db,
  actionIds: SelectedKeys,
  { year, regionKeys, topicKeys }: { year?: number; regionKeys: SQL; topicKeys: SQL },
): Promise<TrainedBreakdownRow[]> {
  if (actionIds === undefined && year === undefined) return keptTrainedBreakdowns(db);
  const inYear = year === undefined ? sql`true` : dateInYear(sql`t.end_date`, year);
  const officials = sql`(${trainedParticipationsWhere(sql`${inActions(actionIds)} and ${inYear}`)})`;
  // Five statements rather than one, side by side a few at a time (queryReportRows): on PostgreSQL
  // each takes a connection of the pool (each distinct count sorts every trained participation).
  const breakdowns = await Promise.all(
    [
      sql`select 'officials' as breakdown, null::text as key, sex::text as sex, count(distinct person_id)::int as people
            from ${officials} o group by sex`,
      sql`select 'trainers' as breakdown, null::text as key, sex::text as sex, count(distinct person_id)::int as people
            from ${officials} o where is_trainer group by sex`,
      sql`select 'region' as breakdown, f.key, o.sex::text as sex, count(distinct o.person_id)::int as people
            from ${officials} o join (${regionKeys}) f on f.action_id = o.action_id group by f.key, o.sex`,
      sql`select 'topic' as breakdown, f.key, o.sex::text as sex, count(distinct o.person_id)::int as people
            from ${officials} o join (${topicKeys}) f on f.action_id = o.action_id group by f.key, o.sex`,
      sql`select 'year' as breakdown, extract(year from end_date)::int::text as key, sex::text as sex,
                 count(distinct person_id)::int as people
            from ${officials} o group by 2, 3`,
    ].map((statement) => queryReportRows<TrainedBreakdownRow>(db, statement)),
  );
  return breakdowns.flat();
}

/**
 * What countTrainedBreakdowns counts for the whole portfolio (every Action, every year), as the
 * database keeps it (`trained_people_counts`, migration 0030, decision 115): a few hundred rows to
 * add up, where counting takes a pass over every trained participation for each breakdown.
 */
export function keptTrainedBreakdowns(db: Db): Promise<TrainedBreakdownRow[]> {
  return queryRows<TrainedBreakdownRow>(
    db,
    sql`
    select breakdown, nullif(key, '') as key, sex::text as sex, sum(people)::int as people
      from ${trainedPeopleCounts}
     group by breakdown, key, sex
    having sum(people) <> 0`,
  );
}

/** Officials trained in the whole portfolio, by sex, as the database keeps the count. */
export async function keptTrainedBySex(db: Db): Promise<CountsBySex> {
  const counts = emptyCounts();
  for (const row of await keptTrainedBreakdowns(db))
    if (row.breakdown === 'officials') addBySex(counts, row.sex, row.people);
  return counts;
}
