CREATE TYPE "public"."participation_role" AS ENUM('participant', 'trainer', 'speaker', 'observer');--> statement-breakpoint
CREATE TYPE "public"."person_age_band" AS ENUM('under_25', '25_34', '35_44', '45_54', '55_plus');--> statement-breakpoint
CREATE TYPE "public"."person_lawful_basis" AS ENUM('consent', 'public_task');--> statement-breakpoint
CREATE TYPE "public"."person_position_level" AS ENUM('junior', 'mid_level', 'senior', 'trainer');--> statement-breakpoint
CREATE TYPE "public"."person_sex" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TABLE "activity_registers" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"hours_per_day" numeric(4, 1) DEFAULT 6 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"participation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_participation_id_day_pk" PRIMARY KEY("participation_id","day")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" "participation_role" DEFAULT 'participant' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participations_person_activity_unique" UNIQUE("person_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"institution_id" uuid,
	"institution_name" text,
	"sex" "person_sex" NOT NULL,
	"age_band" "person_age_band",
	"position_level" "person_position_level" NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"lawful_basis" "person_lawful_basis" NOT NULL,
	"consent_text_version" text,
	"consent_given_on" date,
	"lawful_basis_recorded_by" uuid,
	"lawful_basis_recorded_at" timestamp with time zone,
	"pseudonymised_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_registers" ADD CONSTRAINT "activity_registers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_lawful_basis_recorded_by_users_id_fk" FOREIGN KEY ("lawful_basis_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participations_activity_idx" ON "participations" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "people_name_key_idx" ON "people" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "people_institution_idx" ON "people" USING btree ("institution_id");