ALTER TABLE "evidence_score" ALTER COLUMN "score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "mastery" ALTER COLUMN "value" SET DATA TYPE double precision;