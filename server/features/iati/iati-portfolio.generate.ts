import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';

/**
 * Bulk-inserts `count` Actions with countries, topics, approaches and partners, for the tests and the
 * benchmark that hold the export of a large portfolio against the schema and its budgets. A few
 * set-based statements, whatever the count; codes start with `generated-`.
 */
export async function insertGeneratedActions(db: Db, count: number): Promise<void> {
  await db.execute(sql`
    insert into actions (code, name, sequence, title, summary, status,
                         planned_start, planned_end, actual_start, actual_end)
    select 'generated-' || g, 'Generated ' || g, 1,
      case when g % 2 = 0
        then jsonb_build_object('en', 'Generated Action ' || g, 'fr', 'Action générée ' || g, 'ar', 'إجراء ' || g)
        else jsonb_build_object('en', 'Generated Action ' || g, 'es', 'Acción generada ' || g) end,
      jsonb_build_object('en', 'What generated Action ' || g || ' does, in a sentence or two for the public.'),
      (array['design','implementation','closing','completed','cancelled','suspended'])[1 + g % 6]::action_status,
      date '2022-01-01' + (g % 700), date '2024-06-01' + (g % 900),
      case when g % 6 = 0 then null else date '2022-02-01' + (g % 700) end,
      case when g % 6 = 3 then date '2024-07-01' + (g % 300) else null end
    from generate_series(1, ${count}) as g`);
  // One to three countries each, from the whole list (EU Member States included: they are not
  // recipients, which the export must handle).
  await db.execute(sql`
    insert into action_countries (action_id, country_code)
    select a.id, c.code
      from actions a
      join lateral (
        select code from countries order by code
        offset (abs(hashtext(a.code)) % 150) limit 1 + abs(hashtext(a.code || 'n')) % 3
      ) c on true
     where a.code like 'generated-%'`);
  await db.execute(sql`
    insert into action_topics (action_id, topic_code)
    select a.id, t.code
      from actions a
      join lateral (
        select code from topics order by sort_order
        offset (abs(hashtext(a.code || 't')) % 10) limit 1 + abs(hashtext(a.code || 'm')) % 2
      ) t on true
     where a.code like 'generated-%'`);
  await db.execute(sql`
    insert into action_approaches (action_id, approach_code)
    select a.id, 'gender' from actions a
     where a.code like 'generated-%' and abs(hashtext(a.code)) % 3 = 0`);
  await db.execute(sql`
    insert into action_partners (action_id, partner_id)
    select a.id, p.id
      from actions a
      join lateral (select id from partner_organisations order by name limit 1) p on true
     where a.code like 'generated-%' and abs(hashtext(a.code)) % 4 = 0`);
}
