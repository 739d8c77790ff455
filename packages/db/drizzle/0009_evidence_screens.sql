CREATE TABLE "course_item" (
	"district_id" uuid NOT NULL,
	"course_code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "course_item_district_id_course_code_item_id_pk" PRIMARY KEY("district_id","course_code","item_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"evidence_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reassessment_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"note" text,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	"closing_comment" text,
	"evidence_id" uuid
);
--> statement-breakpoint
CREATE TABLE "rollup_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"framework_id" uuid,
	"rule" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_item" ADD CONSTRAINT "course_item_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_item" ADD CONSTRAINT "course_item_item_id_framework_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachment" ADD CONSTRAINT "evidence_attachment_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachment" ADD CONSTRAINT "evidence_attachment_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachment" ADD CONSTRAINT "evidence_attachment_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachment" ADD CONSTRAINT "evidence_attachment_uploaded_by_person_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_request" ADD CONSTRAINT "reassessment_request_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_request" ADD CONSTRAINT "reassessment_request_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_request" ADD CONSTRAINT "reassessment_request_item_id_framework_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_request" ADD CONSTRAINT "reassessment_request_requested_by_person_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassessment_request" ADD CONSTRAINT "reassessment_request_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_setting" ADD CONSTRAINT "rollup_setting_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_item_item_idx" ON "course_item" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "evidence_attachment_evidence_idx" ON "evidence_attachment" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_attachment_student_idx" ON "evidence_attachment" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "reassessment_request_student_idx" ON "reassessment_request" USING btree ("student_id","status");--> statement-breakpoint
CREATE INDEX "reassessment_request_district_idx" ON "reassessment_request" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "rollup_setting_district_idx" ON "rollup_setting" USING btree ("district_id");