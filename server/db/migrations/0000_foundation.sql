CREATE TYPE "public"."action_institution_role" AS ENUM('requesting', 'beneficiary');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('design', 'implementation', 'closing', 'completed', 'cancelled', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'officer', 'steering', 'partner', 'expert');--> statement-breakpoint
CREATE TYPE "public"."institution_type" AS ENUM('ministry', 'agency', 'judiciary', 'police', 'parliament', 'regional_network', 'civil_society', 'international_organisation');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"event" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_approaches" (
	"action_id" uuid NOT NULL,
	"approach_code" text NOT NULL,
	CONSTRAINT "action_approaches_action_id_approach_code_pk" PRIMARY KEY("action_id","approach_code")
);
--> statement-breakpoint
CREATE TABLE "action_countries" (
	"action_id" uuid NOT NULL,
	"country_code" char(2) NOT NULL,
	CONSTRAINT "action_countries_action_id_country_code_pk" PRIMARY KEY("action_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "action_institutions" (
	"action_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"role" "action_institution_role" NOT NULL,
	CONSTRAINT "action_institutions_action_id_institution_id_role_pk" PRIMARY KEY("action_id","institution_id","role")
);
--> statement-breakpoint
CREATE TABLE "action_partners" (
	"action_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	CONSTRAINT "action_partners_action_id_partner_id_pk" PRIMARY KEY("action_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "action_pillars" (
	"action_id" uuid NOT NULL,
	"pillar_code" text NOT NULL,
	CONSTRAINT "action_pillars_action_id_pillar_code_pk" PRIMARY KEY("action_id","pillar_code")
);
--> statement-breakpoint
CREATE TABLE "action_topics" (
	"action_id" uuid NOT NULL,
	"topic_code" text NOT NULL,
	CONSTRAINT "action_topics_action_id_topic_code_pk" PRIMARY KEY("action_id","topic_code")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"status" "action_status" DEFAULT 'design' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"institution_id" uuid,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "institution_member_countries" (
	"institution_id" uuid NOT NULL,
	"country_code" char(2) NOT NULL,
	CONSTRAINT "institution_member_countries_institution_id_country_code_pk" PRIMARY KEY("institution_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"type" "institution_type" NOT NULL,
	"country_code" char(2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approaches" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pillars" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thematic_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"code" text PRIMARY KEY NOT NULL,
	"thematic_area_code" text NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_approaches" ADD CONSTRAINT "action_approaches_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_approaches" ADD CONSTRAINT "action_approaches_approach_code_approaches_code_fk" FOREIGN KEY ("approach_code") REFERENCES "public"."approaches"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_countries" ADD CONSTRAINT "action_countries_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_countries" ADD CONSTRAINT "action_countries_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_institutions" ADD CONSTRAINT "action_institutions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_institutions" ADD CONSTRAINT "action_institutions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_pillars" ADD CONSTRAINT "action_pillars_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_pillars" ADD CONSTRAINT "action_pillars_pillar_code_pillars_code_fk" FOREIGN KEY ("pillar_code") REFERENCES "public"."pillars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_topics" ADD CONSTRAINT "action_topics_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_topics" ADD CONSTRAINT "action_topics_topic_code_topics_code_fk" FOREIGN KEY ("topic_code") REFERENCES "public"."topics"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_member_countries" ADD CONSTRAINT "institution_member_countries_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_member_countries" ADD CONSTRAINT "institution_member_countries_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_thematic_area_code_thematic_areas_code_fk" FOREIGN KEY ("thematic_area_code") REFERENCES "public"."thematic_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "action_countries_country_idx" ON "action_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "action_institutions_institution_idx" ON "action_institutions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "action_topics_topic_idx" ON "action_topics" USING btree ("topic_code");--> statement-breakpoint
CREATE INDEX "actions_status_idx" ON "actions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "actions_planned_start_idx" ON "actions" USING btree ("planned_start");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "institutions_country_idx" ON "institutions" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" USING btree ("region_code");