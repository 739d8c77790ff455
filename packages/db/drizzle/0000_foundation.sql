CREATE TYPE "public"."disability_status" AS ENUM('none', 'iep', 'section_504');--> statement-breakpoint
CREATE TYPE "public"."environment_kind" AS ENUM('classroom', 'online', 'workplace', 'community', 'college');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'nonbinary', 'unspecified');--> statement-breakpoint
CREATE TYPE "public"."grade_level" AS ENUM('PK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12');--> statement-breakpoint
CREATE TYPE "public"."guardian_relationship" AS ENUM('parent', 'guardian', 'grandparent', 'relative', 'foster_parent');--> statement-breakpoint
CREATE TYPE "public"."race_ethnicity" AS ENUM('hispanic_latino', 'american_indian_alaska_native', 'asian', 'black_african_american', 'native_hawaiian_pacific_islander', 'white', 'two_or_more');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('student', 'guardian', 'teacher', 'paraprofessional', 'mentor', 'school_leader', 'district_admin', 'state_analyst', 'system_admin');--> statement-breakpoint
CREATE TYPE "public"."school_level" AS ENUM('elementary', 'middle', 'high');--> statement-breakpoint
CREATE TYPE "public"."section_staff_role" AS ENUM('teacher', 'paraprofessional');--> statement-breakpoint
CREATE TABLE "account" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "district" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_environment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" "environment_kind" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "school_level" NOT NULL,
	"lowest_grade" "grade_level" NOT NULL,
	"highest_grade" "grade_level" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "state_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardian_link" (
	"guardian_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"relationship" "guardian_relationship" NOT NULL,
	CONSTRAINT "guardian_link_guardian_id_student_id_pk" PRIMARY KEY("guardian_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "mentorship" (
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "mentorship_mentor_id_mentee_id_pk" PRIMARY KEY("mentor_id","mentee_id")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text,
	"preferred_language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"state_id" uuid,
	"district_id" uuid,
	"school_id" uuid
);
--> statement-breakpoint
CREATE TABLE "student" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_number" text NOT NULL,
	"grade_level" "grade_level" NOT NULL,
	"birth_date" date NOT NULL,
	"gender" "gender" NOT NULL,
	"race_ethnicity" "race_ethnicity" NOT NULL,
	"economically_disadvantaged" boolean NOT NULL,
	"english_learner" boolean NOT NULL,
	"disability_status" "disability_status" NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment" (
	"section_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	CONSTRAINT "enrollment_section_id_student_id_pk" PRIMARY KEY("section_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"course_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_staff" (
	"section_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"role" "section_staff_role" NOT NULL,
	CONSTRAINT "section_staff_section_id_person_id_pk" PRIMARY KEY("section_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district" ADD CONSTRAINT "district_state_id_state_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."state"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_environment" ADD CONSTRAINT "learning_environment_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_environment" ADD CONSTRAINT "learning_environment_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term" ADD CONSTRAINT "term_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_guardian_id_person_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentor_id_person_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentee_id_student_person_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_environment_id_learning_environment_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."learning_environment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_state_id_state_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."state"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_section_id_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_term_id_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_environment_id_learning_environment_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."learning_environment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_staff" ADD CONSTRAINT "section_staff_section_id_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_staff" ADD CONSTRAINT "section_staff_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_staff" ADD CONSTRAINT "section_staff_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_email_key" ON "account" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "district_state_code_key" ON "district" USING btree ("state_id","code");--> statement-breakpoint
CREATE INDEX "learning_environment_district_idx" ON "learning_environment" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "school_district_code_key" ON "school" USING btree ("district_id","code");--> statement-breakpoint
CREATE INDEX "term_district_idx" ON "term" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "guardian_link_student_idx" ON "guardian_link" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "mentorship_mentee_idx" ON "mentorship" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "person_district_idx" ON "person" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "role_grant_person_idx" ON "role_grant" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "role_grant_school_idx" ON "role_grant" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "student_district_school_grade_idx" ON "student" USING btree ("district_id","school_id","grade_level");--> statement-breakpoint
CREATE INDEX "student_district_number_idx" ON "student" USING btree ("district_id","student_number");--> statement-breakpoint
CREATE INDEX "enrollment_student_idx" ON "enrollment" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "section_school_idx" ON "section" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "section_staff_person_idx" ON "section_staff" USING btree ("person_id");