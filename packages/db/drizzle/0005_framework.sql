CREATE TABLE "framework" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid,
	"case_identifier" text NOT NULL,
	"uri" text NOT NULL,
	"title" text NOT NULL,
	"version" text,
	"status" text NOT NULL,
	"source_case_version" text NOT NULL,
	"document" json NOT NULL,
	"definitions" json,
	"package_extensions" json,
	"replaces_framework_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "framework_association" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"association_type" text NOT NULL,
	"origin_identifier" text NOT NULL,
	"destination_identifier" text NOT NULL,
	"origin_item_id" uuid,
	"destination_item_id" uuid,
	"sequence_number" integer,
	"position" integer NOT NULL,
	"case_json" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"code" text,
	"full_statement" text NOT NULL,
	"item_type" text,
	"education_levels" text[] NOT NULL,
	"position" integer NOT NULL,
	"case_json" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_rubric" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"title" text,
	"position" integer NOT NULL,
	"case_json" json NOT NULL
);
--> statement-breakpoint
ALTER TABLE "framework" ADD CONSTRAINT "framework_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_association" ADD CONSTRAINT "framework_association_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_association" ADD CONSTRAINT "framework_association_origin_item_id_framework_item_id_fk" FOREIGN KEY ("origin_item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_association" ADD CONSTRAINT "framework_association_destination_item_id_framework_item_id_fk" FOREIGN KEY ("destination_item_id") REFERENCES "public"."framework_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_item" ADD CONSTRAINT "framework_item_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_rubric" ADD CONSTRAINT "framework_rubric_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_case_identifier_key" ON "framework" USING btree ("case_identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_association_identifier_key" ON "framework_association" USING btree ("framework_id","case_identifier");--> statement-breakpoint
CREATE INDEX "framework_association_type_idx" ON "framework_association" USING btree ("framework_id","association_type");--> statement-breakpoint
CREATE INDEX "framework_association_origin_idx" ON "framework_association" USING btree ("origin_item_id");--> statement-breakpoint
CREATE INDEX "framework_association_destination_idx" ON "framework_association" USING btree ("destination_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_item_identifier_key" ON "framework_item" USING btree ("framework_id","case_identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_item_code_key" ON "framework_item" USING btree ("framework_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_rubric_identifier_key" ON "framework_rubric" USING btree ("framework_id","case_identifier");