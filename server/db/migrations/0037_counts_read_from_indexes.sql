-- Decision 121: the indexes the results count some Actions' trainings and held activities from hold
-- every column those counts read, so that PostgreSQL reads the index alone, not the rows.
DROP INDEX "activities_held_end_idx";--> statement-breakpoint
DROP INDEX "trained_participations_action_idx";--> statement-breakpoint
DROP INDEX "trained_participations_end_idx";--> statement-breakpoint
CREATE INDEX "activities_held_end_idx" ON "activities" USING btree ("end_date","action_id") WHERE "activities"."status" in ('held', 'reported');--> statement-breakpoint
CREATE INDEX "trained_participations_action_idx" ON "trained_participations" USING btree ("action_id","person_id","sex","end_date","is_trainer");--> statement-breakpoint
CREATE INDEX "trained_participations_end_idx" ON "trained_participations" USING btree ("end_date","action_id","person_id","sex","is_trainer");