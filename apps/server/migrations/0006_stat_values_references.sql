ALTER TABLE "stat_values" DROP CONSTRAINT "stat_values_indicator_code_stat_indicators_code_fk";
--> statement-breakpoint
ALTER TABLE "stat_values" DROP CONSTRAINT "stat_values_unit_id_units_id_fk";
--> statement-breakpoint
-- A value's indicator and unit must exist: checked once per statement with a join over the rows
-- it wrote (a bulk import writes thousands per statement), instead of a lookup per row.
CREATE FUNCTION stat_values_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ref record;
  missing text;
BEGIN
  FOR ref IN SELECT * FROM (VALUES ('indicator_code', 'stat_indicators', 'code'),
                                   ('unit_id', 'units', 'id')) AS r(col, tab, key) LOOP
    EXECUTE format('SELECT n.%1$I FROM stat_values_written n
                    WHERE NOT EXISTS (SELECT 1 FROM %2$I t WHERE t.%3$I = n.%1$I) LIMIT 1',
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
--> statement-breakpoint
CREATE TRIGGER stat_values_references AFTER INSERT ON stat_values
  REFERENCING NEW TABLE AS stat_values_written
  FOR EACH STATEMENT EXECUTE FUNCTION stat_values_check_references();
--> statement-breakpoint
-- A value never moves to another indicator or unit: it is written anew there.
CREATE FUNCTION stat_values_keep_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
    CONSTRAINT = 'stat_values_key_fixed',
    MESSAGE = 'stat_values: the indicator and unit of a value do not change';
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_values_key_fixed BEFORE UPDATE OF indicator_code, unit_id ON stat_values
  FOR EACH ROW WHEN (OLD.indicator_code IS DISTINCT FROM NEW.indicator_code
                     OR OLD.unit_id IS DISTINCT FROM NEW.unit_id)
  EXECUTE FUNCTION stat_values_keep_references();
--> statement-breakpoint
-- An indicator or a unit that has values is neither deleted nor renamed. Arguments: the column of
-- stat_values that refers to the row, and the row's key column.
CREATE FUNCTION stat_values_restrict() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := to_jsonb(OLD) ->> TG_ARGV[1];
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM stat_values WHERE %I = $1)', TG_ARGV[0])
    INTO used USING key;
  IF used THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      CONSTRAINT = format('stat_values_%s_fk', TG_ARGV[0]),
      MESSAGE = format('%s: %s has values', TG_TABLE_NAME, key);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_indicators_delete_restrict BEFORE DELETE ON stat_indicators
  FOR EACH ROW EXECUTE FUNCTION stat_values_restrict('indicator_code', 'code');
--> statement-breakpoint
CREATE TRIGGER stat_indicators_code_restrict BEFORE UPDATE OF code ON stat_indicators
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
  EXECUTE FUNCTION stat_values_restrict('indicator_code', 'code');
--> statement-breakpoint
CREATE TRIGGER units_delete_restrict_values BEFORE DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION stat_values_restrict('unit_id', 'id');
--> statement-breakpoint
CREATE TRIGGER units_id_restrict_values BEFORE UPDATE OF id ON units
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION stat_values_restrict('unit_id', 'id');
