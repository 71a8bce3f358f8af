CREATE TABLE "deployed_experts" (
	"action_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "deployed_experts_action_id_year_expert_id_pk" PRIMARY KEY("action_id","year","expert_id")
);
--> statement-breakpoint
CREATE INDEX "deployed_experts_expert_idx" ON "deployed_experts" USING btree ("expert_id");--> statement-breakpoint
-- Who was deployed where and when (decision 117): an expert on an activity that is not cancelled,
-- under the activity's Action, in the year the activity starts.
CREATE VIEW "deployed_expert_rule" AS
SELECT DISTINCT a.action_id, extract(year FROM a.start_date)::int AS year, d.expert_id
  FROM deployments d JOIN activities a ON a.id = d.activity_id
 WHERE a.status <> 'cancelled';
--> statement-breakpoint
-- Brings some experts' rows to what the rule says now. Their rows in experts are locked first, in one
-- order: a second writer deploying the same expert waits, then reads what the first wrote.
CREATE FUNCTION refresh_deployed_experts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM experts WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM deployed_experts k
   WHERE k.expert_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM deployed_expert_rule r
                      WHERE (r.action_id, r.year, r.expert_id) = (k.action_id, k.year, k.expert_id));
  INSERT INTO deployed_experts (action_id, year, expert_id)
    SELECT action_id, year, expert_id FROM deployed_expert_rule WHERE expert_id = ANY(ids)
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION deployments_refresh_deployed_experts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_deployed_experts(ARRAY(SELECT DISTINCT expert_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_deployed_experts(ARRAY(SELECT DISTINCT expert_id FROM old_rows));
  ELSE
    PERFORM refresh_deployed_experts(ARRAY(
      SELECT unnest(ARRAY[n.expert_id, o.expert_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.expert_id, n.activity_id) IS DISTINCT FROM (o.expert_id, o.activity_id)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "deployments_inserted_refresh_deployed_experts" AFTER INSERT ON "deployments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_deployed_experts();
--> statement-breakpoint
CREATE TRIGGER "deployments_updated_refresh_deployed_experts" AFTER UPDATE ON "deployments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_deployed_experts();
--> statement-breakpoint
CREATE TRIGGER "deployments_deleted_refresh_deployed_experts" AFTER DELETE ON "deployments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deployments_refresh_deployed_experts();
--> statement-breakpoint
-- An activity cancelled or restored, moved to another year or to another Action: the experts deployed
-- on it. (A deleted activity takes its deployments with it, and their trigger runs.)
CREATE FUNCTION activities_refresh_deployed_experts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_deployed_experts(ARRAY(
    SELECT DISTINCT d.expert_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN deployments d ON d.activity_id = n.id
     WHERE (n.status = 'cancelled', extract(year FROM n.start_date), n.action_id)
           IS DISTINCT FROM (o.status = 'cancelled', extract(year FROM o.start_date), o.action_id)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "activities_updated_refresh_deployed_experts" AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_refresh_deployed_experts();
--> statement-breakpoint
INSERT INTO "deployed_experts" (action_id, year, expert_id) SELECT action_id, year, expert_id FROM "deployed_expert_rule";
