CREATE TABLE "trained_participations" (
	"participation_id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"sex" "person_sex" NOT NULL,
	"end_date" date NOT NULL,
	"is_trainer" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trained_participations" ADD CONSTRAINT "trained_participations_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trained_participations_action_idx" ON "trained_participations" USING btree ("action_id","person_id");
--> statement-breakpoint
-- Who was trained, kept by the database (decision 112). The rule of participants.for-results.ts: in a
-- training or a training of trainers that was held (status held or reported), a participant (role
-- participant) present on at least 80% of the activity's days, first to last inclusive. A trainer
-- trained is such a person with the position level trainer, in a training of trainers.
CREATE VIEW "trained_participation_rule" AS
SELECT pa.id AS participation_id, a.action_id, a.id AS activity_id, pe.id AS person_id, pe.sex, a.end_date,
       (pe.position_level = 'trainer' AND a.type = 'training_of_trainers') AS is_trainer
  FROM participations pa
  JOIN activities a ON a.id = pa.activity_id
  JOIN people pe ON pe.id = pa.person_id
 WHERE pa.role = 'participant'
   AND a.type IN ('training', 'training_of_trainers')
   AND a.status IN ('held', 'reported')
   AND (SELECT count(*) FROM attendance at
         WHERE at.participation_id = pa.id AND at.present AND at.day BETWEEN a.start_date AND a.end_date)
       >= 0.8 * ((a.end_date - a.start_date) + 1);
--> statement-breakpoint
-- Applies the rule again to some participations. Their rows are locked first (in one order, so two
-- writers cannot deadlock): a writer that changed the same participations waits for the other to
-- commit, then reads what it wrote, and the summary never keeps a count made without it.
CREATE FUNCTION refresh_trained_participations(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM participations WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM trained_participations WHERE participation_id = ANY(ids);
  INSERT INTO trained_participations
    SELECT * FROM trained_participation_rule WHERE participation_id = ANY(ids);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION attendance_refreshes_trained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_trained_participations(ARRAY(SELECT DISTINCT participation_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_trained_participations(ARRAY(SELECT DISTINCT participation_id FROM old_rows));
  ELSE
    PERFORM refresh_trained_participations(ARRAY(
      SELECT participation_id FROM new_rows UNION SELECT participation_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "attendance_inserted_refreshes_trained" AFTER INSERT ON "attendance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_refreshes_trained();
--> statement-breakpoint
CREATE TRIGGER "attendance_updated_refreshes_trained" AFTER UPDATE ON "attendance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_refreshes_trained();
--> statement-breakpoint
CREATE TRIGGER "attendance_deleted_refreshes_trained" AFTER DELETE ON "attendance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_refreshes_trained();
--> statement-breakpoint
-- A participation's role, activity or person changed. (A new participation has no attendance yet, and
-- a deleted one takes its row with it.)
CREATE FUNCTION participations_refresh_trained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_trained_participations(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.role, n.activity_id, n.person_id) IS DISTINCT FROM (o.role, o.activity_id, o.person_id)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "participations_updated_refreshes_trained" AFTER UPDATE ON "participations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participations_refresh_trained();
--> statement-breakpoint
-- An activity's type, status, dates or Action changed: every participation in it.
CREATE FUNCTION activities_refresh_trained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_trained_participations(ARRAY(
    SELECT pa.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN participations pa ON pa.activity_id = n.id
     WHERE (n.type, n.status, n.start_date, n.end_date, n.action_id)
           IS DISTINCT FROM (o.type, o.status, o.start_date, o.end_date, o.action_id)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "activities_updated_refreshes_trained" AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION activities_refresh_trained();
--> statement-breakpoint
-- A person's sex or position level changed (pseudonymisation and erasure keep both): their participations.
CREATE FUNCTION people_refresh_trained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_trained_participations(ARRAY(
    SELECT pa.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN participations pa ON pa.person_id = n.id
     WHERE (n.sex, n.position_level) IS DISTINCT FROM (o.sex, o.position_level)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "people_updated_refreshes_trained" AFTER UPDATE ON "people"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_refresh_trained();
--> statement-breakpoint
INSERT INTO "trained_participations" SELECT * FROM "trained_participation_rule";
