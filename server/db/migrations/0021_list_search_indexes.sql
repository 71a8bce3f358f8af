-- The lists' free-text searches match anywhere in a field (`ILIKE '%…%'`): trigram indexes answer
-- them without reading every row. pg_trgm ships with PostgreSQL and is a trusted extension (a
-- database owner may create it); PGlite loads it as a module (server/kernel/db/database.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "actions_listed_idx" ON "actions" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "actions_name_trgm_idx" ON "actions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actions_code_trgm_idx" ON "actions" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actions_title_trgm_idx" ON "actions" USING gin (("title"::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "experts_name_trgm_idx" ON "experts" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "experts_administration_trgm_idx" ON "experts" USING gin ("administration" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "institutions_name_trgm_idx" ON "institutions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "institutions_acronym_trgm_idx" ON "institutions" USING gin ("acronym" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_title_trgm_idx" ON "requests" USING gin ("title" gin_trgm_ops);