-- Vietnamese search folding. unaccent removes tone marks and folds đ/Đ to d/D; it is STABLE, so it
-- is wrapped in an IMMUTABLE function usable in indexes and generated columns. Sorting is done in
-- the application with Intl.Collator('vi') (the embedded engine has no Vietnamese ICU collation).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(input, NFC))) $$;
