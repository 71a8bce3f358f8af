import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type SelectedKeys, selectedBy } from '../../kernel/db/selected-by.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { deployedExperts } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/**
 * What portfolio results read of deployments: how many experts were deployed on the activities of
 * some Actions (in one year, by the activity's start), how many of them women, and how many from
 * a partner country (an administration outside the EU). Aggregates only, never names.
 * `actionIds` selects the Actions' ids (actionsMatching), so that PostgreSQL selects them itself.
 * Who was deployed where and when is kept by the database (`deployed_experts`, decision 117).
 */

/**
 * The (year, expert) of each expert deployed on an activity (not cancelled) of the Actions that
 * `actionIds` selects, in `year` when one is given (the year the activity starts): a subquery.
 */
export function deployedExpertRows(actionIds: SelectedKeys, year?: number): SQL {
  return sql`select k.year, k.expert_id from ${deployedExperts} k
     where ${selectedBy(sql`k.action_id`, actionIds)}${year === undefined ? sql`` : sql` and k.year = ${year}`}`;
}

/**
 * The ids of those experts: a subquery, for counting each expert once (a semi-join, hashed) rather
 * than sorting them by count(distinct).
 */
export function deployedExpertIds(actionIds: SelectedKeys, year?: number): SQL {
  return sql`select r.expert_id from (${deployedExpertRows(actionIds, year)}) r`;
}

/**
 * How many experts were deployed on the Actions that `actionIds` selects (in `year`), how many of
 * them are women, and how many come from partner countries.
 */
export async function deployedExpertCounts(db: Db, actionIds: SelectedKeys, year?: number) {
  const [row] = await queryReportRows<{ deployed: number; women: number; fromPartnerCountries: number }>(
    db,
    sql`
    select count(*)::int as deployed,
      (count(*) filter (where e.gender = 'female'))::int as women,
      (count(*) filter (where c.region_code is distinct from 'eu'))::int as "fromPartnerCountries"
    from ${experts} e
    left join ${countries} c on c.code = e.country_code
    where e.id in (${deployedExpertIds(actionIds, year)})`,
  );
  return {
    deployed: Number(row?.deployed ?? 0),
    women: Number(row?.women ?? 0),
    fromPartnerCountries: Number(row?.fromPartnerCountries ?? 0),
  };
}
