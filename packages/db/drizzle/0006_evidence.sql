CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"setting" text NOT NULL,
	"title" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"needs_validation" boolean NOT NULL,
	"reflection" text,
	"supersedes_id" uuid
);
--> statement-breakpoint
CREATE TABLE "evidence_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_person_id" uuid,
	"actor_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "evidence_score" (
	"evidence_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"score" real NOT NULL,
	"rubric_level" text,
	CONSTRAINT "evidence_score_evidence_id_item_id_pk" PRIMARY KEY("evidence_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "mastery" (
	"student_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"method" jsonb NOT NULL,
	"value" real,
	"mastered" boolean NOT NULL,
	"mastered_at" timestamp with time zone,
	"evidence_count" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mastery_student_id_item_id_pk" PRIMARY KEY("student_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "mastery_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"evidence_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mastery_method_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"framework_id" uuid,
	"item_id" uuid,
	"method" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_event" ADD CONSTRAINT "evidence_event_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_event" ADD CONSTRAINT "evidence_event_actor_person_id_person_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_score" ADD CONSTRAINT "evidence_score_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_score" ADD CONSTRAINT "evidence_score_item_id_framework_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mastery" ADD CONSTRAINT "mastery_student_id_student_person_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mastery" ADD CONSTRAINT "mastery_item_id_framework_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mastery_method_setting" ADD CONSTRAINT "mastery_method_setting_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_student_time_idx" ON "evidence" USING btree ("student_id","occurred_at");--> statement-breakpoint
CREATE INDEX "evidence_district_idx" ON "evidence" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "evidence_supersedes_idx" ON "evidence" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "evidence_event_evidence_idx" ON "evidence_event" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_score_item_idx" ON "evidence_score" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "mastery_item_idx" ON "mastery" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "mastery_event_student_idx" ON "mastery_event" USING btree ("student_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mastery_method_setting_district_idx" ON "mastery_method_setting" USING btree ("district_id");