-- A value's history becomes its former versions (decision 0024). Until now each write added a
-- row old → new; now the row of stat_values is the current version (with the upload or import
-- that wrote it) and stat_value_history keeps the versions it replaced. The change rows convert
-- exactly: the newest change of a value is its current version, and every older change is a
-- former version, written by that change's author at that time.
ALTER TABLE "stat_values" ADD COLUMN "batch_id" uuid;
--> statement-breakpoint
CREATE TEMPORARY TABLE "stat_value_newest" AS
  SELECT DISTINCT ON (unit_id, period_code, indicator_code, option_code)
         id, unit_id, period_code, indicator_code, option_code, batch_id
  FROM "stat_value_history"
  ORDER BY unit_id, period_code, indicator_code, option_code, at DESC, id DESC;
--> statement-breakpoint
UPDATE "stat_values" v SET batch_id = n.batch_id
  FROM "stat_value_newest" n
  WHERE n.batch_id IS NOT NULL AND v.unit_id = n.unit_id AND v.period_code = n.period_code
    AND v.indicator_code = n.indicator_code AND v.option_code = n.option_code;
--> statement-breakpoint
DELETE FROM "stat_value_history" h USING "stat_value_newest" n WHERE h.id = n.id;
--> statement-breakpoint
DROP TABLE "stat_value_newest";
--> statement-breakpoint
ALTER TABLE "stat_value_history" DROP COLUMN "old_num";
--> statement-breakpoint
ALTER TABLE "stat_value_history" DROP COLUMN "old_txt";
--> statement-breakpoint
ALTER TABLE "stat_value_history" DROP COLUMN "old_comment";
--> statement-breakpoint
ALTER TABLE "stat_value_history" RENAME COLUMN "new_num" TO "num";
--> statement-breakpoint
ALTER TABLE "stat_value_history" RENAME COLUMN "new_txt" TO "txt";
--> statement-breakpoint
ALTER TABLE "stat_value_history" RENAME COLUMN "new_comment" TO "comment";
--> statement-breakpoint
ALTER TABLE "stat_value_history" ALTER COLUMN "at" DROP DEFAULT;
