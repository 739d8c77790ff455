CREATE TABLE "access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"sequence" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_person_id" uuid,
	"actor_name" text NOT NULL,
	"actor_roles" text[] NOT NULL,
	"action" text NOT NULL,
	"student_id" uuid NOT NULL,
	"data_elements" text[] NOT NULL,
	"purpose" text NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "access_log_district_sequence_key" ON "access_log" USING btree ("district_id","sequence");--> statement-breakpoint
CREATE INDEX "access_log_district_time_idx" ON "access_log" USING btree ("district_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_student_time_idx" ON "access_log" USING btree ("student_id","occurred_at");