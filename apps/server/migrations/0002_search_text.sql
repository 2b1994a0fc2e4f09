DROP INDEX "organisations_name_fold_idx";--> statement-breakpoint
DROP INDEX "people_name_fold_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text" text GENERATED ALWAYS AS (vn_fold(name_vi || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(code, ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_text" text GENERATED ALWAYS AS (vn_fold(full_name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_text" text GENERATED ALWAYS AS (vn_fold(username || ' ' || display_name)) STORED NOT NULL;