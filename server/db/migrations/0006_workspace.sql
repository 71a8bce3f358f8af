CREATE TYPE "public"."timeline_audience" AS ENUM('all', 'staff');--> statement-breakpoint
CREATE TYPE "public"."activity_modality" AS ENUM('in_person', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('planned', 'confirmed', 'held', 'reported', 'postponed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."activity_type" AS ENUM('needs_assessment', 'workshop', 'training', 'training_of_trainers', 'study_visit', 'drafting_session', 'validation_meeting', 'launch_event', 'coaching', 'online_session');--> statement-breakpoint
CREATE TYPE "public"."deliverable_status" AS ENUM('draft', 'partner_review', 'validated', 'published');--> statement-breakpoint
CREATE TYPE "public"."deliverable_type" AS ENUM('training_curriculum', 'training_module', 'handbook', 'practical_notes', 'guidelines', 'protocol', 'standard_operating_procedures', 'capacity_building_programme', 'assessment_report', 'strategy', 'legal_review');--> statement-breakpoint
CREATE TYPE "public"."deliverable_visibility" AS ENUM('internal', 'partner', 'public');--> statement-breakpoint
CREATE TYPE "public"."deployment_role" AS ENUM('lead_expert', 'expert', 'trainer', 'facilitator');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other', 'undisclosed');--> statement-breakpoint
CREATE TYPE "public"."language_level" AS ENUM('basic', 'working', 'fluent', 'native');--> statement-breakpoint
CREATE TYPE "public"."public_sector_status" AS ENUM('serving', 'retired', 'other_public', 'non_public');--> statement-breakpoint
CREATE TABLE "action_design_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_designs" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"overall_objective" text DEFAULT '' NOT NULL,
	"specific_objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_deliverables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_activities" integer,
	"planned_expert_days" integer,
	"lessons_learnt" text DEFAULT '' NOT NULL,
	"closing_summary" text DEFAULT '' NOT NULL,
	"status_reason" text,
	"suspended_from" "action_status",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"audience" timeline_audience DEFAULT 'all' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"type" "activity_type" NOT NULL,
	"title" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"modality" "activity_modality" NOT NULL,
	"city" text,
	"country_code" char(2),
	"working_languages" text[] DEFAULT '{}' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"status" "activity_status" DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"report_summary" text,
	"report_file_id" uuid,
	"reported_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"version_number" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_experts" (
	"deliverable_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "deliverable_experts_deliverable_id_expert_id_pk" PRIMARY KEY("deliverable_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "deliverable_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"change_note" text NOT NULL,
	"language" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_versions_number_key" UNIQUE("deliverable_id","number")
);
--> statement-breakpoint
CREATE TABLE "deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"type" "deliverable_type" NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"status" "deliverable_status" DEFAULT 'draft' NOT NULL,
	"visibility" "deliverable_visibility" DEFAULT 'internal' NOT NULL,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_feedback" (
	"deployment_id" uuid PRIMARY KEY NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"given_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" "deployment_role" NOT NULL,
	"days" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployments_expert_activity_key" UNIQUE("expert_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "expert_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_countries" (
	"expert_id" uuid NOT NULL,
	"country_code" char(2) NOT NULL,
	CONSTRAINT "expert_countries_expert_id_country_code_pk" PRIMARY KEY("expert_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "expert_languages" (
	"expert_id" uuid NOT NULL,
	"language" text NOT NULL,
	"level" "language_level" NOT NULL,
	CONSTRAINT "expert_languages_expert_id_language_pk" PRIMARY KEY("expert_id","language")
);
--> statement-breakpoint
CREATE TABLE "expert_regions" (
	"expert_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "expert_regions_expert_id_region_code_pk" PRIMARY KEY("expert_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "expert_skills" (
	"expert_id" uuid NOT NULL,
	"skill" text NOT NULL,
	CONSTRAINT "expert_skills_expert_id_skill_pk" PRIMARY KEY("expert_id","skill")
);
--> statement-breakpoint
CREATE TABLE "expert_topics" (
	"expert_id" uuid NOT NULL,
	"topic_code" text NOT NULL,
	CONSTRAINT "expert_topics_expert_id_topic_code_pk" PRIMARY KEY("expert_id","topic_code")
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"gender" "gender" NOT NULL,
	"email" text,
	"phone" text,
	"administration" text NOT NULL,
	"country_code" char(2) NOT NULL,
	"nationality" char(2),
	"public_sector_status" "public_sector_status" NOT NULL,
	"nominated_by" text,
	"cv_file_id" uuid,
	"conflict_of_interest" text,
	"conflict_declared_on" date,
	"feedback_count" integer DEFAULT 0 NOT NULL,
	"feedback_score_sum" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "action_design_comments" ADD CONSTRAINT "action_design_comments_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_design_comments" ADD CONSTRAINT "action_design_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_designs" ADD CONSTRAINT "action_designs_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_report_file_id_stored_files_id_fk" FOREIGN KEY ("report_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_experts" ADD CONSTRAINT "deliverable_experts_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_experts" ADD CONSTRAINT "deliverable_experts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_feedback" ADD CONSTRAINT "deployment_feedback_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_feedback" ADD CONSTRAINT "deployment_feedback_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_availability" ADD CONSTRAINT "expert_availability_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_countries" ADD CONSTRAINT "expert_countries_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_countries" ADD CONSTRAINT "expert_countries_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_languages" ADD CONSTRAINT "expert_languages_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_regions" ADD CONSTRAINT "expert_regions_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_regions" ADD CONSTRAINT "expert_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_skills" ADD CONSTRAINT "expert_skills_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_topics" ADD CONSTRAINT "expert_topics_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_topics" ADD CONSTRAINT "expert_topics_topic_code_topics_code_fk" FOREIGN KEY ("topic_code") REFERENCES "public"."topics"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_nationality_countries_code_fk" FOREIGN KEY ("nationality") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_cv_file_id_stored_files_id_fk" FOREIGN KEY ("cv_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_design_comments_action_idx" ON "action_design_comments" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_events_action_idx" ON "action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "activities_action_idx" ON "activities" USING btree ("action_id","start_date");--> statement-breakpoint
CREATE INDEX "activities_dates_idx" ON "activities" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE INDEX "deliverable_comments_deliverable_idx" ON "deliverable_comments" USING btree ("deliverable_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverable_experts_expert_idx" ON "deliverable_experts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "deliverables_action_idx" ON "deliverables" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "deliverables_status_idx" ON "deliverables" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "deployments_activity_idx" ON "deployments" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "expert_availability_expert_idx" ON "expert_availability" USING btree ("expert_id","start_date");--> statement-breakpoint
CREATE INDEX "expert_countries_country_idx" ON "expert_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "expert_languages_language_idx" ON "expert_languages" USING btree ("language");--> statement-breakpoint
CREATE INDEX "expert_regions_region_idx" ON "expert_regions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "expert_topics_topic_idx" ON "expert_topics" USING btree ("topic_code");--> statement-breakpoint
CREATE INDEX "experts_country_idx" ON "experts" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "experts_name_idx" ON "experts" USING btree ("full_name");