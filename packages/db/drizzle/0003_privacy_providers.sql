CREATE TABLE "audit_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_person_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"data_element" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "district_privacy_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"minimum_group_size" integer DEFAULT 10 NOT NULL,
	"past_student_access_days" integer DEFAULT 0 NOT NULL,
	"retention_years_after_exit" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"erased_at" timestamp with time zone NOT NULL,
	"erased_by" text NOT NULL,
	"reason" text NOT NULL,
	"modules" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "agreement_school" (
	"agreement_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "agreement_school_agreement_id_school_id_pk" PRIMARY KEY("agreement_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "data_sharing_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"data_elements" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"retention" text NOT NULL,
	"destroy_by" date NOT NULL,
	"breach_contact" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"provider_name" text NOT NULL,
	"data_elements" text[] NOT NULL,
	"destroy_by" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"statement" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "student" ADD COLUMN "exited_on" date;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "purpose_detail" text;--> statement-breakpoint
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_requested_by_person_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_resolved_by_person_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_privacy_settings" ADD CONSTRAINT "district_privacy_settings_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_notice" ADD CONSTRAINT "privacy_notice_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_notice" ADD CONSTRAINT "privacy_notice_published_by_person_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_school" ADD CONSTRAINT "agreement_school_agreement_id_data_sharing_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."data_sharing_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_school" ADD CONSTRAINT "agreement_school_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sharing_agreement" ADD CONSTRAINT "data_sharing_agreement_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sharing_agreement" ADD CONSTRAINT "data_sharing_agreement_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider" ADD CONSTRAINT "provider_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_token" ADD CONSTRAINT "provider_token_agreement_id_data_sharing_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."data_sharing_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_token" ADD CONSTRAINT "provider_token_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_district_time_idx" ON "audit_event" USING btree ("district_id","occurred_at");--> statement-breakpoint
CREATE INDEX "correction_request_student_idx" ON "correction_request" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "correction_request_district_status_idx" ON "correction_request" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "erasure_record_district_idx" ON "erasure_record" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_notice_year_language_key" ON "privacy_notice" USING btree ("district_id","school_year","language");--> statement-breakpoint
CREATE INDEX "data_sharing_agreement_district_idx" ON "data_sharing_agreement" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "destruction_record_district_idx" ON "destruction_record" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_district_name_key" ON "provider" USING btree ("district_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_token_hash_key" ON "provider_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "provider_token_agreement_idx" ON "provider_token" USING btree ("agreement_id");