CREATE TABLE "deployed_expert_counts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deployed_expert_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"year" integer,
	"experts" integer NOT NULL
);
--> statement-breakpoint
-- Decision 121: the experts deployed over every Action, per year and in all, are kept as counts.
-- The rows of changes are summed into one per year when there are more than a thousand.
CREATE FUNCTION compact_deployed_expert_counts() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM deployed_expert_counts RETURNING year, experts)
  INSERT INTO deployed_expert_counts (year, experts)
  SELECT year, sum(experts) FROM gone GROUP BY year HAVING sum(experts) <> 0;
$$;
--> statement-breakpoint
-- Brings some experts' rows to what the rule says now (decision 117), and appends to the counts the
-- years they came into and left, and whether they came into or left the whole portfolio (year null).
-- Their rows in experts are locked first, in one order: a second writer deploying the same expert
-- waits, then reads what the first wrote.
CREATE OR REPLACE FUNCTION refresh_deployed_experts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM experts WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  WITH wanted AS MATERIALIZED (
         SELECT action_id, year, expert_id FROM deployed_expert_rule WHERE expert_id = ANY(ids)),
       held AS MATERIALIZED (
         SELECT action_id, year, expert_id FROM deployed_experts WHERE expert_id = ANY(ids)),
       gone AS (
         DELETE FROM deployed_experts k
          WHERE k.expert_id = ANY(ids)
            AND NOT EXISTS (SELECT 1 FROM wanted w
                             WHERE (w.action_id, w.year, w.expert_id) = (k.action_id, k.year, k.expert_id))),
       came AS (
         INSERT INTO deployed_experts (action_id, year, expert_id) SELECT * FROM wanted ON CONFLICT DO NOTHING),
       -- An expert counts once in each year deployed, and once in all (year null; EXCEPT takes nulls as equal).
       counted_before AS (SELECT expert_id, year FROM held UNION SELECT expert_id, NULL::int FROM held),
       counted_now AS (SELECT expert_id, year FROM wanted UNION SELECT expert_id, NULL::int FROM wanted),
       changes AS (
         SELECT year, -1 AS experts FROM (SELECT * FROM counted_before EXCEPT SELECT * FROM counted_now) went
         UNION ALL
         SELECT year, 1 FROM (SELECT * FROM counted_now EXCEPT SELECT * FROM counted_before) arrived)
  INSERT INTO deployed_expert_counts (year, experts)
  SELECT year, sum(experts) FROM changes GROUP BY year HAVING sum(experts) <> 0;
  GET DIAGNOSTICS moved = ROW_COUNT;
  IF moved > 0 AND (SELECT count(*) FROM deployed_expert_counts) > 1000 THEN
    PERFORM compact_deployed_expert_counts();
  END IF;
END;
$$;
--> statement-breakpoint
-- What the counts add up to: the distinct experts of deployed_experts in each year, and in all.
CREATE VIEW deployed_expert_count_rule AS
SELECT year, count(DISTINCT expert_id)::int AS experts FROM deployed_experts GROUP BY GROUPING SETS ((year), ());
--> statement-breakpoint
-- The counts from the rule at once: this migration, and a bulk load that filled deployed_experts
-- with its triggers off.
CREATE FUNCTION count_all_deployed_experts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM deployed_expert_counts;
  INSERT INTO deployed_expert_counts (year, experts) SELECT year, experts FROM deployed_expert_count_rule;
$$;
--> statement-breakpoint
SELECT count_all_deployed_experts();
