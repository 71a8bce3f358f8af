CREATE TABLE "library_terms" (
	"deliverable_id" uuid PRIMARY KEY NOT NULL,
	"language" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"type" "deliverable_type" NOT NULL,
	"action_id" uuid NOT NULL,
	"public" boolean NOT NULL,
	"words" "tsvector" NOT NULL
);
--> statement-breakpoint
-- The words stay in the row (compressed if need be) rather than going out of line: testing a search
-- against them, row after row in date order, must not read TOAST.
ALTER TABLE "library_terms" ALTER COLUMN "words" SET STORAGE MAIN;
--> statement-breakpoint
-- Whether the public may read a deliverable: the rule of publiclyAvailable (public-work.ts) and
-- PUBLIC_STATUSES (actions.scope.ts), which a test holds equal to this one.
CREATE OR REPLACE FUNCTION library_is_public(status deliverable_status, visibility deliverable_visibility, action_status action_status)
  RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status = 'published' AND visibility = 'public' AND action_status IN ('implementation', 'closing', 'completed')
$$;
--> statement-breakpoint
-- Every write of a library document (indexing at publication, bulk loads, corrections) writes its
-- terms too, in the same statement, so that the two never disagree.
CREATE OR REPLACE FUNCTION library_documents_keep_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "library_terms" ("deliverable_id", "language", "published_at", "type", "action_id", "public", "words")
  SELECT NEW."deliverable_id", NEW."language", NEW."published_at", d."type", d."action_id",
         library_is_public(d."status", d."visibility", a."status"), strip(NEW."search")
    FROM "deliverables" d JOIN "actions" a ON a."id" = d."action_id"
   WHERE d."id" = NEW."deliverable_id"
  ON CONFLICT ("deliverable_id") DO UPDATE
    SET "language" = EXCLUDED."language", "published_at" = EXCLUDED."published_at", "type" = EXCLUDED."type",
        "action_id" = EXCLUDED."action_id", "public" = EXCLUDED."public", "words" = EXCLUDED."words";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER library_documents_keep_terms
  AFTER INSERT OR UPDATE OF "search", "language", "published_at" ON "library_documents"
  FOR EACH ROW EXECUTE FUNCTION library_documents_keep_terms();
--> statement-breakpoint
-- A deliverable's type, Action, status or visibility, and its Action's status, decide the filters and
-- the public's reach: their changes are copied in the same statement.
CREATE OR REPLACE FUNCTION library_terms_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "library_terms" t
     SET "type" = d."type", "action_id" = d."action_id",
         "public" = library_is_public(d."status", d."visibility", a."status")
    FROM "deliverables" d JOIN "actions" a ON a."id" = d."action_id"
   WHERE d."id" = t."deliverable_id" AND t."deliverable_id" = ANY (ids)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION deliverables_keep_library_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM library_terms_refresh(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deliverables_keep_library_terms
  AFTER UPDATE OF "status", "visibility", "type", "action_id" ON "deliverables"
  FOR EACH ROW WHEN ((OLD."status", OLD."visibility", OLD."type", OLD."action_id")
    IS DISTINCT FROM (NEW."status", NEW."visibility", NEW."type", NEW."action_id"))
  EXECUTE FUNCTION deliverables_keep_library_terms();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION actions_keep_library_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM library_terms_refresh(ARRAY(SELECT "id" FROM "deliverables" WHERE "action_id" = NEW."id"));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actions_keep_library_terms
  AFTER UPDATE OF "status" ON "actions"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION actions_keep_library_terms();
--> statement-breakpoint
-- The existing documents in order of publication, as later ones arrive: the newest share pages, and
-- a search that walks them newest first reads few.
INSERT INTO "library_terms" ("deliverable_id", "language", "published_at", "type", "action_id", "public", "words")
  SELECT l."deliverable_id", l."language", l."published_at", d."type", d."action_id",
         library_is_public(d."status", d."visibility", a."status"), strip(l."search")
    FROM "library_documents" l
    JOIN "deliverables" d ON d."id" = l."deliverable_id"
    JOIN "actions" a ON a."id" = d."action_id"
   ORDER BY l."published_at", l."deliverable_id";
--> statement-breakpoint
ALTER TABLE "library_terms" ADD CONSTRAINT "library_terms_deliverable_id_library_documents_deliverable_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."library_documents"("deliverable_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_terms_words_idx" ON "library_terms" USING gin ("words");--> statement-breakpoint
CREATE INDEX "library_terms_published_idx" ON "library_terms" USING btree ("published_at" desc,"deliverable_id");--> statement-breakpoint
ANALYZE "library_terms";
