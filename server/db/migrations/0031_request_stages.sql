CREATE TABLE "request_stages" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"submitted" boolean NOT NULL,
	"screened" boolean NOT NULL,
	"approved" boolean NOT NULL,
	"declined" boolean NOT NULL,
	"submitted_days" double precision,
	"screened_days" double precision,
	"approved_days" double precision,
	"declined_days" double precision
);
--> statement-breakpoint
ALTER TABLE "request_stages" ADD CONSTRAINT "request_stages_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The funnel's rule, one row per request with a history (decision 116): the stages it reached, and
-- the days it waited for screening (submitted), spent in screening with any clarification
-- (screened), and in steering review (approved, declined). Only stays that ended count.
CREATE VIEW "request_stage_rule" AS
SELECT request_id,
       bool_or(status = 'submitted') AS submitted,
       bool_or(status = 'steering_review') AS screened,
       bool_or(status = 'approved') AS approved,
       bool_or(status = 'declined') AS declined,
       (CASE WHEN bool_and(left_at IS NOT NULL) FILTER (WHERE status = 'submitted')
          THEN sum(extract(epoch FROM left_at - created_at)) FILTER (WHERE status = 'submitted') END
        / 86400.0)::float8 AS submitted_days,
       (CASE WHEN bool_or(status = 'steering_review')
          THEN sum(extract(epoch FROM left_at - created_at)) FILTER (WHERE status IN ('screening', 'clarification')) END
        / 86400.0)::float8 AS screened_days,
       (max(extract(epoch FROM created_at - came_at)) FILTER (WHERE status = 'approved') / 86400.0)::float8 AS approved_days,
       (max(extract(epoch FROM created_at - came_at)) FILTER (WHERE status = 'declined') / 86400.0)::float8 AS declined_days
  FROM (SELECT t.request_id, t.to_status::text AS status, t.created_at,
               lead(t.created_at) OVER (PARTITION BY t.request_id ORDER BY t.created_at, t.id) AS left_at,
               lag(t.created_at) OVER (PARTITION BY t.request_id ORDER BY t.created_at, t.id) AS came_at
          FROM request_transitions t) steps
 GROUP BY request_id;
--> statement-breakpoint
-- Applies the rule again to some requests. Their rows are locked first, in one order, so a second
-- writer of the same request's history waits, then reads what the first wrote.
CREATE FUNCTION refresh_request_stages(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM requests WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM request_stages WHERE request_id = ANY(ids);
  INSERT INTO request_stages SELECT * FROM request_stage_rule WHERE request_id = ANY(ids);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION request_transitions_refresh_stages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_request_stages(ARRAY(SELECT DISTINCT request_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_request_stages(ARRAY(SELECT DISTINCT request_id FROM old_rows));
  ELSE
    PERFORM refresh_request_stages(ARRAY(SELECT request_id FROM new_rows UNION SELECT request_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "request_transitions_inserted_refresh_stages" AFTER INSERT ON "request_transitions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_transitions_refresh_stages();
--> statement-breakpoint
CREATE TRIGGER "request_transitions_updated_refresh_stages" AFTER UPDATE ON "request_transitions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_transitions_refresh_stages();
--> statement-breakpoint
CREATE TRIGGER "request_transitions_deleted_refresh_stages" AFTER DELETE ON "request_transitions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION request_transitions_refresh_stages();
--> statement-breakpoint
INSERT INTO "request_stages" SELECT * FROM "request_stage_rule";
