import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import { dateInYear } from '../../kernel/db/year-range.ts';
import { activities } from '../activities/activities.table.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { deployments } from './deployments.table.ts';
import { experts } from './experts.table.ts';

/**
 * What portfolio results read of deployments: how many experts were deployed on the activities of
 * some Actions (in one year, by the activity's start), how many of them women, and how many from
 * a partner country (an administration outside the EU). Aggregates only, never names.
 * `actionIds` selects the Actions' ids (actionsMatching), so that PostgreSQL selects them itself.
 */
export async function deployedExpertCounts(db: Db, actionIds: SQL, year?: number) {
  const [row] = await queryRows<{ deployed: number; women: number; fromPartnerCountries: number }>(
    db,
    // Each expert once: the experts whose ids the deployments name (a semi-join, hashed), rather
    // than every deployment sorted three times by count(distinct).
    sql`
    select count(*)::int as deployed,
      (count(*) filter (where e.gender = 'female'))::int as women,
      (count(*) filter (where c.region_code is distinct from 'eu'))::int as "fromPartnerCountries"
    from ${experts} e
    left join ${countries} c on c.code = e.country_code
    where e.id in (
      select d.expert_id from ${deployments} d
      join ${activities} a on a.id = d.activity_id
      where a.action_id in (${actionIds})
        and a.status <> 'cancelled'
        ${year ? sql`and ${dateInYear(sql`a.start_date`, year)}` : sql``})`,
  );
  return {
    deployed: Number(row?.deployed ?? 0),
    women: Number(row?.women ?? 0),
    fromPartnerCountries: Number(row?.fromPartnerCountries ?? 0),
  };
}
