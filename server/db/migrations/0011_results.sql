CREATE TYPE "public"."test_score_source" AS ENUM('paper', 'link');--> statement-breakpoint
CREATE TYPE "public"."test_phase" AS ENUM('pre', 'post');--> statement-breakpoint
CREATE TYPE "public"."indicator_measure" AS ENUM('count', 'percentage', 'qualitative');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('entered', 'officials_trained', 'trainers_trained', 'deliverables_validated', 'deliverables_published', 'activities_held');--> statement-breakpoint
CREATE TYPE "public"."result_level" AS ENUM('output', 'outcome', 'impact');--> statement-breakpoint
CREATE TABLE "activity_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"participation_id" uuid,
	"satisfaction" smallint NOT NULL,
	"relevance" smallint NOT NULL,
	"expected_use" smallint NOT NULL,
	"comment" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"participation_id" uuid NOT NULL,
	"phase" "test_phase" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "test_scores" (
	"participation_id" uuid NOT NULL,
	"phase" "test_phase" NOT NULL,
	"score" integer NOT NULL,
	"max_score" integer NOT NULL,
	"source" "test_score_source" NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_scores_participation_id_phase_pk" PRIMARY KEY("participation_id","phase")
);
--> statement-breakpoint
CREATE TABLE "training_tests" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"target" numeric(14, 2),
	"target_female" numeric(14, 2),
	"target_male" numeric(14, 2),
	"target_note" text,
	"actual" numeric(14, 2),
	"actual_female" numeric(14, 2),
	"actual_male" numeric(14, 2),
	"actual_note" text,
	"actual_recorded_by" uuid,
	"actual_recorded_at" timestamp with time zone,
	CONSTRAINT "indicator_periods_start_key" UNIQUE("indicator_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"level" "result_level" NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"measure" "indicator_measure" NOT NULL,
	"source" "indicator_source" DEFAULT 'entered' NOT NULL,
	"by_sex" boolean DEFAULT false NOT NULL,
	"baseline_year" integer,
	"baseline_value" numeric(14, 2),
	"baseline_female" numeric(14, 2),
	"baseline_male" numeric(14, 2),
	"baseline_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_links" ADD CONSTRAINT "test_links_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_links" ADD CONSTRAINT "test_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_scores" ADD CONSTRAINT "test_scores_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_scores" ADD CONSTRAINT "test_scores_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_tests" ADD CONSTRAINT "training_tests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_tests" ADD CONSTRAINT "training_tests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_period_id_indicator_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."indicator_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_periods" ADD CONSTRAINT "indicator_periods_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_periods" ADD CONSTRAINT "indicator_periods_actual_recorded_by_users_id_fk" FOREIGN KEY ("actual_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_evaluations_activity_idx" ON "activity_evaluations" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "test_links_participation_idx" ON "test_links" USING btree ("participation_id","phase");--> statement-breakpoint
CREATE INDEX "indicator_evidence_period_idx" ON "indicator_evidence" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "indicators_action_idx" ON "indicators" USING btree ("action_id");