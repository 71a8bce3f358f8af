import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';

/**
 * Gives the generated Actions (codes `generated-…`) a results framework, for the tests and the
 * benchmark that hold the IATI export of a large portfolio against the schema: an output counted
 * by sex with an entered actual, a computed count of activities held, and (every third Action) a
 * qualitative impact indicator. A few set-based statements, whatever the count.
 */
export async function insertGeneratedIndicators(db: Db): Promise<void> {
  await db.execute(sql`
    insert into indicators (action_id, level, title, measure, source, by_sex,
                            baseline_year, baseline_value, baseline_female, baseline_male, baseline_note)
    select a.id, 'output'::result_level, jsonb_build_object('en', 'People trained, by sex', 'fr', 'Personnes formées, par sexe'),
           'count'::indicator_measure, 'entered'::indicator_source, true, 2022, 0::numeric, 0::numeric, 0::numeric, null::text
      from actions a where a.code like 'generated-%'
    union all
    select a.id, 'output'::result_level, jsonb_build_object('en', 'Activities held'), 'count'::indicator_measure, 'activities_held'::indicator_source, false,
           null, null, null, null, null
      from actions a where a.code like 'generated-%'
    union all
    select a.id, 'impact'::result_level, jsonb_build_object('en', 'Practice of the partner institution', 'es', 'Práctica de la institución'),
           'qualitative'::indicator_measure, 'entered'::indicator_source, false, 2022, null, null, null, 'No written procedure & no <referral> pathway'
      from actions a where a.code like 'generated-%' and abs(hashtext(a.code)) % 3 = 0`);
  await db.execute(sql`
    insert into indicator_periods (indicator_id, period_start, period_end, target, target_female, target_male,
                                   target_note, actual, actual_female, actual_male, actual_note, actual_recorded_at)
    select i.id, make_date(y, 1, 1), make_date(y, 12, 31),
      case when i.measure = 'qualitative' then null else 10 + y % 5 end,
      case when i.by_sex then 5 else null end,
      case when i.by_sex then 5 + y % 5 else null end,
      case when i.measure = 'qualitative' then 'A written procedure is adopted' else null end,
      case when i.source = 'entered' and i.measure = 'count' and y < 2025 then 9 else null end,
      case when i.source = 'entered' and i.by_sex and y < 2025 then 4 else null end,
      case when i.source = 'entered' and i.by_sex and y < 2025 then 5 else null end,
      case when i.measure = 'qualitative' and y < 2025 then 'Drafted, not yet adopted' else null end,
      case when i.source = 'entered' and y < 2025 then now() else null end
    from indicators i
    join actions a on a.id = i.action_id and a.code like 'generated-%'
    cross join generate_series(2023, 2025) as y`);
}
