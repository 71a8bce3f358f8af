CREATE TABLE "trained_people_counts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trained_people_counts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"breakdown" text NOT NULL,
	"key" text NOT NULL,
	"sex" "person_sex" NOT NULL,
	"people" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trained_people_keys" (
	"person_id" uuid NOT NULL,
	"breakdown" text NOT NULL,
	"key" text NOT NULL,
	"sex" "person_sex" NOT NULL,
	CONSTRAINT "trained_people_keys_person_id_breakdown_key_pk" PRIMARY KEY("person_id","breakdown","key")
);
--> statement-breakpoint
CREATE INDEX "trained_participations_person_idx" ON "trained_participations" USING btree ("person_id");--> statement-breakpoint
-- The keys a trained person counts under in the whole portfolio's results (decision 115): officials
-- and trainers, and the regions, topics and years of their trainings. participants.for-results.ts
-- counts the same with count(distinct person_id) for any other selection of Actions.
CREATE VIEW "trained_people_key_rule" AS
SELECT person_id, 'officials'::text AS breakdown, ''::text AS key, sex FROM trained_participations
UNION
SELECT person_id, 'trainers', '', sex FROM trained_participations WHERE is_trainer
UNION
SELECT t.person_id, 'region', c.region_code, t.sex
  FROM trained_participations t
  JOIN action_countries ac ON ac.action_id = t.action_id
  JOIN countries c ON c.code = ac.country_code
UNION
SELECT t.person_id, 'topic', at.topic_code, t.sex
  FROM trained_participations t JOIN action_topics at ON at.action_id = t.action_id
UNION
SELECT person_id, 'year', extract(year from end_date)::int::text, sex FROM trained_participations;
--> statement-breakpoint
-- Sums the rows of changes into one row per key. Each call sums exactly the rows it deleted: a second
-- call at the same time waits for the first to commit, then finds those rows gone.
CREATE FUNCTION compact_trained_people_counts() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM trained_people_counts RETURNING breakdown, key, sex, people)
  INSERT INTO trained_people_counts (breakdown, key, sex, people)
  SELECT breakdown, key, sex, sum(people) FROM gone GROUP BY breakdown, key, sex HAVING sum(people) <> 0;
$$;
--> statement-breakpoint
-- Brings some people's keys to what the rule says now, and appends to the counts what moved. The
-- people's rows are locked first, in one order: a writer recounting the same person waits for the
-- other to commit, then starts from what it wrote, so no one is counted twice or missed.
CREATE FUNCTION recount_trained_people(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
  added integer;
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM people WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  WITH wanted AS MATERIALIZED (SELECT * FROM trained_people_key_rule WHERE person_id = ANY(ids)),
       dropped AS (
         DELETE FROM trained_people_keys k
          WHERE k.person_id = ANY(ids)
            AND NOT EXISTS (SELECT 1 FROM wanted w
                             WHERE (w.person_id, w.breakdown, w.key, w.sex) = (k.person_id, k.breakdown, k.key, k.sex))
         RETURNING k.breakdown, k.key, k.sex)
  INSERT INTO trained_people_counts (breakdown, key, sex, people)
  SELECT breakdown, key, sex, -count(*) FROM dropped GROUP BY breakdown, key, sex;
  GET DIAGNOSTICS moved = ROW_COUNT;
  WITH came AS (
    INSERT INTO trained_people_keys SELECT * FROM trained_people_key_rule WHERE person_id = ANY(ids)
    ON CONFLICT DO NOTHING
    RETURNING breakdown, key, sex)
  INSERT INTO trained_people_counts (breakdown, key, sex, people)
  SELECT breakdown, key, sex, count(*) FROM came GROUP BY breakdown, key, sex;
  GET DIAGNOSTICS added = ROW_COUNT;
  -- A few hundred rows of changes cost nothing to add up; beyond, they are summed.
  IF moved + added > 0 AND (SELECT count(*) FROM trained_people_counts) > 1000 THEN
    PERFORM compact_trained_people_counts();
  END IF;
END;
$$;
--> statement-breakpoint
-- Everyone's keys and counts from the rule at once: this migration, and a bulk load that filled
-- trained_participations with its triggers off.
CREATE FUNCTION recount_all_trained_people() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM trained_people_keys;
  DELETE FROM trained_people_counts;
  INSERT INTO trained_people_keys SELECT * FROM trained_people_key_rule;
  INSERT INTO trained_people_counts (breakdown, key, sex, people)
  SELECT breakdown, key, sex, count(*) FROM trained_people_keys GROUP BY breakdown, key, sex;
END;
$$;
--> statement-breakpoint
-- The trained participations now change only where the rule's answer changed: a refresh that
-- finds the same row leaves it, so the people's counts are not recounted for nothing.
CREATE OR REPLACE FUNCTION refresh_trained_participations(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM participations WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM trained_participations t
   WHERE t.participation_id = ANY(ids)
     AND NOT EXISTS (
       SELECT 1 FROM trained_participation_rule r
        WHERE r.participation_id = t.participation_id
          AND (r.action_id, r.activity_id, r.person_id, r.sex, r.end_date, r.is_trainer)
            = (t.action_id, t.activity_id, t.person_id, t.sex, t.end_date, t.is_trainer));
  INSERT INTO trained_participations
    SELECT * FROM trained_participation_rule WHERE participation_id = ANY(ids)
  ON CONFLICT (participation_id) DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION trained_participations_recount_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM recount_trained_people(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM recount_trained_people(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  ELSE
    PERFORM recount_trained_people(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "trained_inserted_recounts_people" AFTER INSERT ON "trained_participations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trained_participations_recount_people();
--> statement-breakpoint
CREATE TRIGGER "trained_updated_recounts_people" AFTER UPDATE ON "trained_participations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trained_participations_recount_people();
--> statement-breakpoint
CREATE TRIGGER "trained_deleted_recounts_people" AFTER DELETE ON "trained_participations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trained_participations_recount_people();
--> statement-breakpoint
-- An Action's countries or topics changed: the people trained in it.
CREATE FUNCTION action_keys_recount_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM recount_trained_people(ARRAY(
      SELECT DISTINCT t.person_id FROM trained_participations t WHERE t.action_id IN (SELECT action_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM recount_trained_people(ARRAY(
      SELECT DISTINCT t.person_id FROM trained_participations t WHERE t.action_id IN (SELECT action_id FROM old_rows)));
  ELSE
    PERFORM recount_trained_people(ARRAY(
      SELECT DISTINCT t.person_id FROM trained_participations t
       WHERE t.action_id IN (SELECT action_id FROM new_rows UNION SELECT action_id FROM old_rows)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "action_countries_inserted_recount_people" AFTER INSERT ON "action_countries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
CREATE TRIGGER "action_countries_updated_recount_people" AFTER UPDATE ON "action_countries"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
CREATE TRIGGER "action_countries_deleted_recount_people" AFTER DELETE ON "action_countries"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
CREATE TRIGGER "action_topics_inserted_recount_people" AFTER INSERT ON "action_topics"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
CREATE TRIGGER "action_topics_updated_recount_people" AFTER UPDATE ON "action_topics"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
CREATE TRIGGER "action_topics_deleted_recount_people" AFTER DELETE ON "action_topics"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_keys_recount_people();
--> statement-breakpoint
-- A country moved to another region: the people trained in its Actions.
CREATE FUNCTION countries_recount_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recount_trained_people(ARRAY(
    SELECT DISTINCT t.person_id
      FROM new_rows n JOIN old_rows o ON o.code = n.code
      JOIN action_countries ac ON ac.country_code = n.code
      JOIN trained_participations t ON t.action_id = ac.action_id
     WHERE n.region_code IS DISTINCT FROM o.region_code));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "countries_updated_recount_people" AFTER UPDATE ON "countries"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION countries_recount_people();
--> statement-breakpoint
SELECT recount_all_trained_people();
