-- The codes that key a value (indicator, option, unit, period) are ASCII identifiers: compared
-- byte by byte (collation "C") rather than by the database's language rules, every index on them
-- is cheaper to build, search and insert into, and their order no longer depends on the server's
-- locale. Values of other collations compared with them (parameters, joins) take "C". The
-- trigger that names two of the columns is set again around the change.
DROP TRIGGER stat_values_key_fixed ON stat_values;
--> statement-breakpoint
ALTER TABLE "stat_values"
  ALTER COLUMN "indicator_code" TYPE text COLLATE "C",
  ALTER COLUMN "option_code" TYPE text COLLATE "C",
  ALTER COLUMN "unit_id" TYPE text COLLATE "C",
  ALTER COLUMN "period_code" TYPE text COLLATE "C";
--> statement-breakpoint
CREATE TRIGGER stat_values_key_fixed BEFORE UPDATE OF indicator_code, unit_id ON stat_values
  FOR EACH ROW WHEN (OLD.indicator_code IS DISTINCT FROM NEW.indicator_code
                     OR OLD.unit_id IS DISTINCT FROM NEW.unit_id)
  EXECUTE FUNCTION stat_values_keep_references();
--> statement-breakpoint
ALTER TABLE "stat_value_history"
  ALTER COLUMN "indicator_code" TYPE text COLLATE "C",
  ALTER COLUMN "option_code" TYPE text COLLATE "C",
  ALTER COLUMN "unit_id" TYPE text COLLATE "C",
  ALTER COLUMN "period_code" TYPE text COLLATE "C";
--> statement-breakpoint
-- The references of the written values, checked once per distinct code rather than once per row.
CREATE OR REPLACE FUNCTION stat_values_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ref record;
  missing text;
BEGIN
  FOR ref IN SELECT * FROM (VALUES ('indicator_code', 'stat_indicators', 'code'),
                                   ('unit_id', 'units', 'id')) AS r(col, tab, key) LOOP
    EXECUTE format('SELECT n.code FROM (SELECT DISTINCT %1$I AS code FROM stat_values_written) n
                    WHERE NOT EXISTS (SELECT 1 FROM %2$I t WHERE t.%3$I = n.code) LIMIT 1',
                   ref.col, ref.tab, ref.key)
      INTO missing;
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
        CONSTRAINT = format('stat_values_%s_fk', ref.col),
        MESSAGE = format('stat_values: no %s %s', ref.tab, missing);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
