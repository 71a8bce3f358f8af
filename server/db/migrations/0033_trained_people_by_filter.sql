-- Decision 119: the people trained are kept for one region, topic or year as well as for the whole
-- portfolio, and each person's keys as one row. Everything is counted again at the end.
DROP VIEW "trained_people_key_rule";--> statement-breakpoint
DROP TABLE "trained_people_keys";--> statement-breakpoint
DELETE FROM "trained_people_counts";--> statement-breakpoint
CREATE TABLE "trained_people_key_sets" (
	"person_id" uuid NOT NULL,
	"sex" "person_sex" NOT NULL,
	"keys" text[] NOT NULL,
	CONSTRAINT "trained_people_key_sets_person_id_sex_pk" PRIMARY KEY("person_id","sex")
);
--> statement-breakpoint
ALTER TABLE "trained_people_counts" ADD COLUMN "filter" text NOT NULL;--> statement-breakpoint
CREATE INDEX "trained_people_counts_filter_idx" ON "trained_people_counts" USING btree ("filter");--> statement-breakpoint
-- The keys a trained person counts under (decision 119). Each trained participation has facets: the
-- regions and topics of its Action and the year of its last day. It counts under the breakdowns
-- `officials`, `trainers` (when the person trained as a trainer) and each of its facets, and it does
-- so with no filter ('') and under the filter of each of its facets. participants.for-results.ts
-- counts the same with count(distinct person_id) for any other selection.
CREATE VIEW "trained_people_key_rule" AS
SELECT DISTINCT t.person_id, t.sex, f.filter, b.breakdown, b.key
  FROM trained_participations t
  CROSS JOIN LATERAL (
    SELECT ARRAY(
      SELECT 'region=' || c.region_code
        FROM action_countries ac JOIN countries c ON c.code = ac.country_code
       WHERE ac.action_id = t.action_id
      UNION
      SELECT 'topic=' || at.topic_code FROM action_topics at WHERE at.action_id = t.action_id
      UNION
      SELECT 'year=' || extract(year FROM t.end_date)::int) AS facets) a
  CROSS JOIN LATERAL unnest(a.facets || ''::text) AS f(filter)
  CROSS JOIN LATERAL (
    SELECT 'officials', ''
    UNION ALL SELECT 'trainers', '' WHERE t.is_trainer
    UNION ALL SELECT split_part(facet, '=', 1), split_part(facet, '=', 2) FROM unnest(a.facets) AS facet
  ) AS b(breakdown, key);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION compact_trained_people_counts() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM trained_people_counts RETURNING filter, breakdown, key, sex, people)
  INSERT INTO trained_people_counts (filter, breakdown, key, sex, people)
  SELECT filter, breakdown, key, sex, sum(people) FROM gone
   GROUP BY filter, breakdown, key, sex HAVING sum(people) <> 0;
$$;
--> statement-breakpoint
-- Brings some people's key sets to what the rule says now, and appends to the counts the keys that
-- came and went (a code is filter|breakdown|key). The people's rows are locked first, in one order:
-- a writer recounting the same person waits for the other to commit, then starts from what it wrote.
CREATE OR REPLACE FUNCTION recount_trained_people(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM people WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  WITH wanted AS MATERIALIZED (
         SELECT person_id, sex, filter || '|' || breakdown || '|' || key AS code
           FROM trained_people_key_rule WHERE person_id = ANY(ids)),
       held AS MATERIALIZED (
         SELECT s.person_id, s.sex, k.code
           FROM trained_people_key_sets s CROSS JOIN LATERAL unnest(s.keys) AS k(code)
          WHERE s.person_id = ANY(ids)),
       changes AS (
         SELECT sex, code, -1 AS people FROM (SELECT * FROM held EXCEPT SELECT * FROM wanted) went
         UNION ALL
         SELECT sex, code, 1 FROM (SELECT * FROM wanted EXCEPT SELECT * FROM held) came),
       sets AS (
         SELECT person_id, sex, array_agg(code ORDER BY code) AS keys FROM wanted GROUP BY person_id, sex),
       stored AS (
         INSERT INTO trained_people_key_sets SELECT * FROM sets
         ON CONFLICT (person_id, sex) DO UPDATE SET keys = excluded.keys
          WHERE trained_people_key_sets.keys IS DISTINCT FROM excluded.keys),
       emptied AS (
         DELETE FROM trained_people_key_sets s
          WHERE s.person_id = ANY(ids)
            AND NOT EXISTS (SELECT 1 FROM sets w WHERE (w.person_id, w.sex) = (s.person_id, s.sex)))
  INSERT INTO trained_people_counts (filter, breakdown, key, sex, people)
  SELECT split_part(code, '|', 1), split_part(code, '|', 2), split_part(code, '|', 3), sex, sum(people)
    FROM changes GROUP BY code, sex;
  GET DIAGNOSTICS moved = ROW_COUNT;
  -- A few thousand rows of changes cost little to add up (a report reads one filter's); beyond,
  -- they are summed into one row per key, about 3,300 at full size.
  IF moved > 0 AND (SELECT count(*) FROM trained_people_counts) > 20000 THEN
    PERFORM compact_trained_people_counts();
  END IF;
END;
$$;
--> statement-breakpoint
-- Everyone's keys and counts from the rule at once: this migration, and a bulk load that filled
-- trained_participations with its triggers off.
CREATE OR REPLACE FUNCTION recount_all_trained_people() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM trained_people_key_sets;
  DELETE FROM trained_people_counts;
  INSERT INTO trained_people_key_sets
  SELECT person_id, sex, array_agg(code ORDER BY code)
    FROM (SELECT person_id, sex, filter || '|' || breakdown || '|' || key AS code FROM trained_people_key_rule) r
   GROUP BY person_id, sex;
  INSERT INTO trained_people_counts (filter, breakdown, key, sex, people)
  SELECT split_part(code, '|', 1), split_part(code, '|', 2), split_part(code, '|', 3), sex, count(*)
    FROM trained_people_key_sets CROSS JOIN LATERAL unnest(keys) AS code
   GROUP BY code, sex;
END;
$$;
--> statement-breakpoint
SELECT recount_all_trained_people();
