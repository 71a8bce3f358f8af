import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import { type Language, type LocalizedText, pickText } from '../../kernel/localized.ts';
import { countries, regions, topics } from '../taxonomy/taxonomy.table.ts';
import { PUBLIC_ONGOING_STATUSES } from './actions.scope.ts';
import { actionCountries, actions, actionTopics } from './actions.table.ts';

const ongoing = sql`${actions.status} in (${sql.join(
  PUBLIC_ONGOING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/**
 * The portfolio's public figures, computed from the Actions at every call (never stored): how many
 * are ongoing, in how many countries, and the share of ongoing Actions each topic holds.
 */
export async function publicPortfolioStats(db: Db, lang: Language) {
  const [totals, topicRows, regionRows] = await Promise.all([
    queryRows<{ ongoingActions: number; countries: number }>(
      db,
      sql`
      select
        (select count(*)::int from ${actions} where ${ongoing}) as "ongoingActions",
        (select count(distinct ${actionCountries.countryCode})::int
           from ${actionCountries} join ${actions} on ${actions.id} = ${actionCountries.actionId}
          where ${ongoing}) as "countries"`,
    ),
    queryRows<{ code: string; name: LocalizedText; count: number }>(
      db,
      sql`
      select ${topics.code} as code, ${topics.name} as name, count(${actions.id})::int as count
        from ${topics}
        left join ${actionTopics} on ${actionTopics.topicCode} = ${topics.code}
        left join ${actions} on ${actions.id} = ${actionTopics.actionId} and ${ongoing}
       group by ${topics.code}, ${topics.name}, ${topics.sortOrder}
       order by count(${actions.id}) desc, ${topics.sortOrder}`,
    ),
    queryRows<{ code: string; name: LocalizedText; ongoingActions: number; countries: number }>(
      db,
      sql`
      select ${regions.code} as code, ${regions.name} as name,
             count(distinct ${actions.id})::int as "ongoingActions",
             count(distinct case when ${actions.id} is not null then ${countries.code} end)::int as countries
        from ${regions}
        left join ${countries} on ${countries.regionCode} = ${regions.code}
        left join ${actionCountries} on ${actionCountries.countryCode} = ${countries.code}
        left join ${actions} on ${actions.id} = ${actionCountries.actionId} and ${ongoing}
       group by ${regions.code}, ${regions.name}, ${regions.sortOrder}
       order by ${regions.sortOrder}`,
    ),
  ]);
  const [total] = totals;
  const ongoingActions = total?.ongoingActions ?? 0;
  return {
    ongoingActions,
    countries: total?.countries ?? 0,
    topics: topicRows.map((t) => ({
      code: t.code,
      name: pickText(t.name, lang),
      count: t.count,
      share: ongoingActions === 0 ? 0 : t.count / ongoingActions,
    })),
    regions: regionRows.map((r) => ({
      code: r.code,
      name: pickText(r.name, lang),
      ongoingActions: r.ongoingActions,
      countries: r.countries,
    })),
  };
}
