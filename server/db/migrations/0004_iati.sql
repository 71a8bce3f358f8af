CREATE TABLE "external_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iati_identifier" text NOT NULL,
	"reporting_org_ref" text,
	"reporting_org_type" text,
	"reporting_org_name" jsonb NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"status" text,
	"planned_start" date,
	"actual_start" date,
	"planned_end" date,
	"actual_end" date,
	"last_updated_at" timestamp with time zone,
	"import_id" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_activities_iati_identifier_unique" UNIQUE("iati_identifier")
);
--> statement-breakpoint
CREATE TABLE "external_activity_countries" (
	"activity_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"percentage" numeric,
	CONSTRAINT "external_activity_countries_activity_id_country_code_pk" PRIMARY KEY("activity_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "external_activity_sectors" (
	"activity_id" uuid NOT NULL,
	"vocabulary" text NOT NULL,
	"code" text NOT NULL,
	"percentage" numeric,
	CONSTRAINT "external_activity_sectors_activity_id_vocabulary_code_pk" PRIMARY KEY("activity_id","vocabulary","code")
);
--> statement-breakpoint
CREATE TABLE "external_activity_topics" (
	"activity_id" uuid NOT NULL,
	"topic_code" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "external_activity_topics_activity_id_topic_code_pk" PRIMARY KEY("activity_id","topic_code")
);
--> statement-breakpoint
CREATE TABLE "external_participating_orgs" (
	"activity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"ref" text,
	"type" text,
	"name" jsonb NOT NULL,
	CONSTRAINT "external_participating_orgs_activity_id_position_pk" PRIMARY KEY("activity_id","position")
);
--> statement-breakpoint
CREATE TABLE "iati_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"activity_count" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "external_activities" ADD CONSTRAINT "external_activities_import_id_iati_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."iati_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_activity_countries" ADD CONSTRAINT "external_activity_countries_activity_id_external_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."external_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_activity_sectors" ADD CONSTRAINT "external_activity_sectors_activity_id_external_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."external_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_activity_topics" ADD CONSTRAINT "external_activity_topics_activity_id_external_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."external_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_participating_orgs" ADD CONSTRAINT "external_participating_orgs_activity_id_external_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."external_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_activities_import_idx" ON "external_activities" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "external_activity_countries_country_idx" ON "external_activity_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "external_activity_topics_topic_idx" ON "external_activity_topics" USING btree ("topic_code");