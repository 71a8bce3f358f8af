DROP INDEX "experts_name_idx";--> statement-breakpoint
CREATE INDEX "activities_listed_idx" ON "activities" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "requests_listed_idx" ON "requests" USING btree ("status_changed_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "experts_name_idx" ON "experts" USING btree ("full_name","id");