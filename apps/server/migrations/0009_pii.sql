CREATE TABLE "pii_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"unit_basis" text NOT NULL,
	"data_year" integer NOT NULL,
	"notes" text,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pii_editions_basis_chk" CHECK ("pii_editions"."unit_basis" IN ('provinces-63', 'provinces-34'))
);
--> statement-breakpoint
CREATE TABLE "pii_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"level" integer,
	"name_vi" text NOT NULL,
	"name_en" text,
	"parent" text,
	"weight" double precision DEFAULT 1 NOT NULL,
	"direction" integer DEFAULT 1 NOT NULL,
	"denominator" text,
	"source_indicator" text,
	"unit_vi" text,
	"placement" text,
	CONSTRAINT "pii_nodes_direction_chk" CHECK ("pii_nodes"."direction" IN (1, -1)),
	CONSTRAINT "pii_nodes_type_chk" CHECK ("pii_nodes"."type" IN ('Indicator', 'Aggregate', 'Denominator', 'Group'))
);
--> statement-breakpoint
CREATE TABLE "pii_published_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"province_name" text NOT NULL,
	"unit_id" text,
	"score" double precision,
	"rank" integer,
	"of_n" integer,
	"input_score" double precision,
	"output_score" double precision,
	"pillars" jsonb NOT NULL,
	"notes" text,
	"source" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pii_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"data_year" integer NOT NULL,
	"input_hash" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"outputs" jsonb NOT NULL,
	"unit_count" integer NOT NULL,
	"indicator_count" integer NOT NULL,
	"uncertainty_runs" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pii_nodes" ADD CONSTRAINT "pii_nodes_edition_id_pii_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."pii_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_published_results" ADD CONSTRAINT "pii_published_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pii_runs" ADD CONSTRAINT "pii_runs_edition_id_pii_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."pii_editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pii_editions_year_uq" ON "pii_editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "pii_nodes_code_uq" ON "pii_nodes" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "pii_nodes_edition_idx" ON "pii_nodes" USING btree ("edition_id","position");--> statement-breakpoint
CREATE INDEX "pii_published_year_idx" ON "pii_published_results" USING btree ("year","rank");--> statement-breakpoint
CREATE INDEX "pii_runs_edition_idx" ON "pii_runs" USING btree ("edition_id","created_at");--> statement-breakpoint
CREATE FUNCTION pii_runs_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a PII run is immutable' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pii_runs_no_update BEFORE UPDATE ON "pii_runs"
  FOR EACH ROW EXECUTE FUNCTION pii_runs_immutable();
