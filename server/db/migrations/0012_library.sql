CREATE TABLE "library_documents" (
	"deliverable_id" uuid PRIMARY KEY NOT NULL,
	"version_number" integer,
	"language" text NOT NULL,
	"text_config" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"extraction" text NOT NULL,
	"extraction_error" text,
	"search" "tsvector" NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_documents" ADD CONSTRAINT "library_documents_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_documents_search_idx" ON "library_documents" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_documents_published_idx" ON "library_documents" USING btree ("published_at" desc,"deliverable_id");