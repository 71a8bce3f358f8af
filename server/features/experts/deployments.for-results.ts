import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { queryReportRows } from '../../kernel/db/statement-slots.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import { activities } from '../activities/activities.table.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { deployedExpertYears, deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/**
 * What portfolio results read of deployments: how many experts were deployed on the activities of
 * some Actions (in one year, by the activity's start), how many of them women, and how many from
 * a partner country (an administration outside the EU). Aggregates only, never names.
 * `actionIds` selects the Actions' ids (actionsMatching), so that PostgreSQL selects them itself.
 */
/**
 * The ids of the experts deployed on the activities (not cancelled) of the Actions that `actionIds`
 * selects, starting in `year` when one is given: a subquery, for counting each expert once (a
 * semi-join, hashed) rather than every deployment sorted by count(distinct).
 */
export function deployedExpertIds(actionIds: SQL, year?: number): SQL {
  return sql`select d.expert_id from ${deployments} d
      join ${activities} a on a.id = d.activity_id
     where a.action_id in (${actionIds})
       and a.status <> 'cancelled'
       ${year === undefined ? sql`` : sql`and ${dateInYear(sql`a.start_date`, year)}`}`;
}

/**
 * What deployedExpertIds selects for every Action, as the database keeps it (`deployed_expert_years`,
 * migration 0032, decision 117): read from one row per expert and year rather than from every
 * deployment joined to its activity.
 */
export function keptDeployedExpertIds(year?: number): SQL {
  return sql`select y.expert_id from ${deployedExpertYears} y${year === undefined ? sql`` : sql` where y.year = ${year}`}`;
}

/**
 * How many experts `expertIds` selects (deployedExpertIds or keptDeployedExpertIds), how many of
 * them are women, and how many come from partner countries.
 */
export async function deployedExpertCounts(db: Db, expertIds: SQL) {
  const [row] = await queryReportRows<{ deployed: number; women: number; fromPartnerCountries: number }>(
    db,
    sql`
    select count(*)::int as deployed,
      (count(*) filter (where e.gender = 'female'))::int as women,
      (count(*) filter (where c.region_code is distinct from 'eu'))::int as "fromPartnerCountries"
    from ${experts} e
    left join ${countries} c on c.code = e.country_code
    where e.id in (${expertIds})`,
  );
  return {
    deployed: Number(row?.deployed ?? 0),
    women: Number(row?.women ?? 0),
    fromPartnerCountries: Number(row?.fromPartnerCountries ?? 0),
  };
}
