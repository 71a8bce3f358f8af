CREATE TABLE "deployed_expert_years" (
	"year" integer NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "deployed_expert_years_year_expert_id_pk" PRIMARY KEY("year","expert_id")
);
--> statement-breakpoint
CREATE INDEX "deployed_expert_years_expert_idx" ON "deployed_expert_years" USING btree ("expert_id");--> statement-breakpoint
-- Who was deployed in which year (decision 117): an expert on an activity that is not cancelled, in
-- the year the activity starts. deployments.for-results.ts counts the same for some Actions.
CREATE VIEW "deployed_expert_year_rule" AS
SELECT DISTINCT extract(year FROM a.start_date)::int AS year, d.expert_id
  FROM deployments d JOIN activities a ON a.id = d.activity_id
 WHERE a.status <> 'cancelled';
--> statement-breakpoint
-- Brings some experts' years to what the rule says now. Their rows are locked first, in one order: a
-- second writer deploying the same expert waits, then reads what the first wrote.
CREATE FUNCTION refresh_deployed_expert_years(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM experts WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM deployed_expert_years y
   WHERE y.expert_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM deployed_expert_year_rule r WHERE r.expert_id = y.expert_id AND r.year = y.year);
  INSERT INTO deployed_expert_years (year, expert_id)
    SELECT year, expert_id FROM deployed_expert_year_rule WHERE expert_id = ANY(ids)
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION deployments_refresh_expert_years() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_deployed_expert_years(ARRAY(SELECT DISTINCT expert_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_deployed_expert_years(ARRAY(SELECT DISTINCT expert_id FROM old_rows));
  ELSE
    PERFORM refresh_deployed_expert_years(ARRAY(
      SELECT n.expert_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.expert_id, n.activity_id) IS DISTINCT FROM (o.expert_id, o.activity_id)
      UNION
      SELECT o.expert_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.expert_id, n.activity_id) IS DISTINCT FROM (o.expert_id, o.activity_id)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "deployments_inserted_refresh_expert_years" AFTER INSERT ON "deployments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_expert_years();
--> statement-breakpoint
CREATE TRIGGER "deployments_updated_refresh_expert_years" AFTER UPDATE ON "deployments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_expert_years();
--> statement-breakpoint
CREATE TRIGGER "deployments_deleted_refresh_expert_years" AFTER DELETE ON "deployments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_expert_years();
--> statement-breakpoint
-- An activity cancelled or restored, or moved to another day: the experts deployed on it. (A deleted
-- activity takes its deployments with it, and their trigger runs.)
CREATE FUNCTION activities_refresh_expert_years() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_deployed_expert_years(ARRAY(
    SELECT DISTINCT d.expert_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN deployments d ON d.activity_id = n.id
     WHERE (n.status = 'cancelled', extract(year FROM n.start_date))
           IS DISTINCT FROM (o.status = 'cancelled', extract(year FROM o.start_date))));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "activities_updated_refresh_expert_years" AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_refresh_expert_years();
--> statement-breakpoint
INSERT INTO "deployed_expert_years" (year, expert_id) SELECT year, expert_id FROM "deployed_expert_year_rule";
