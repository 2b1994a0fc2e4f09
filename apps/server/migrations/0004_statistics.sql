CREATE TABLE "stat_disaggregation_options" (
	"disaggregation_code" text NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_disaggregation_options_disaggregation_code_code_pk" PRIMARY KEY("disaggregation_code","code")
);
--> statement-breakpoint
CREATE TABLE "stat_disaggregations" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_form_indicators" (
	"form_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_form_indicators_form_id_indicator_code_pk" PRIMARY KEY("form_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "stat_form_periods" (
	"form_id" uuid NOT NULL,
	"period_code" text NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"locks_on" date NOT NULL,
	CONSTRAINT "stat_form_periods_form_id_period_code_pk" PRIMARY KEY("form_id","period_code"),
	CONSTRAINT "stat_form_periods_order_chk" CHECK ("stat_form_periods"."opens_on" <= "stat_form_periods"."deadline" AND "stat_form_periods"."deadline" <= "stat_form_periods"."locks_on")
);
--> statement-breakpoint
CREATE TABLE "stat_form_units" (
	"form_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "stat_form_units_form_id_unit_id_pk" PRIMARY KEY("form_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "stat_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"period_type" text NOT NULL,
	"period_form" text NOT NULL,
	"opens_after_days" integer NOT NULL,
	"deadline_after_days" integer NOT NULL,
	"locks_after_days" integer NOT NULL,
	"first_period" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_forms_calendar_chk" CHECK ("stat_forms"."opens_after_days" <= "stat_forms"."deadline_after_days" AND "stat_forms"."deadline_after_days" <= "stat_forms"."locks_after_days")
);
--> statement-breakpoint
CREATE TABLE "stat_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"file_name" text,
	"summary" jsonb NOT NULL,
	"actor_username" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_indicator_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"group_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"definition_vi" text NOT NULL,
	"definition_en" text NOT NULL,
	"unit_vi" text NOT NULL,
	"unit_en" text NOT NULL,
	"value_type" text NOT NULL,
	"unit_aggregation" text NOT NULL,
	"ratio_numerator" text,
	"ratio_denominator" text,
	"ratio_factor" double precision,
	"period_aggregation" text NOT NULL,
	"direction" text NOT NULL,
	"source_vi" text NOT NULL,
	"legal_basis" text NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"disaggregation_code" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_indicators_ratio_chk" CHECK (("stat_indicators"."unit_aggregation" = 'ratio') = ("stat_indicators"."ratio_numerator" IS NOT NULL AND "stat_indicators"."ratio_denominator" IS NOT NULL AND "stat_indicators"."ratio_factor" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "stat_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"actor_username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"period_code" text NOT NULL,
	"status" text NOT NULL,
	"reopened" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"first_submitted_on" date,
	"approved_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"return_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_reports_status_chk" CHECK ("stat_reports"."status" IN ('draft', 'submitted', 'approved', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "stat_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"expression" text NOT NULL,
	"severity" text NOT NULL,
	"message_vi" text NOT NULL,
	"message_en" text NOT NULL,
	"scope_form_codes" text[],
	"scope_unit_ids" text[],
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_value_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stat_value_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_code" text NOT NULL,
	"option_code" text NOT NULL,
	"unit_id" text NOT NULL,
	"period_code" text NOT NULL,
	"old_num" double precision,
	"old_txt" text,
	"new_num" double precision,
	"new_txt" text,
	"old_comment" text,
	"new_comment" text,
	"channel" text NOT NULL,
	"batch_id" uuid,
	"actor_username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_values" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"option_code" text DEFAULT '' NOT NULL,
	"unit_id" text NOT NULL,
	"period_code" text NOT NULL,
	"num" double precision,
	"txt" text,
	"comment" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_values_indicator_code_option_code_unit_id_period_code_pk" PRIMARY KEY("indicator_code","option_code","unit_id","period_code")
);
--> statement-breakpoint
ALTER TABLE "stat_disaggregation_options" ADD CONSTRAINT "stat_disaggregation_options_disaggregation_code_stat_disaggregations_code_fk" FOREIGN KEY ("disaggregation_code") REFERENCES "public"."stat_disaggregations"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_form_indicators" ADD CONSTRAINT "stat_form_indicators_form_id_stat_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."stat_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_form_indicators" ADD CONSTRAINT "stat_form_indicators_indicator_code_stat_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."stat_indicators"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_form_periods" ADD CONSTRAINT "stat_form_periods_form_id_stat_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."stat_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_form_units" ADD CONSTRAINT "stat_form_units_form_id_stat_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."stat_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_form_units" ADD CONSTRAINT "stat_form_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_indicators" ADD CONSTRAINT "stat_indicators_group_code_stat_indicator_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."stat_indicator_groups"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_indicators" ADD CONSTRAINT "stat_indicators_disaggregation_code_stat_disaggregations_code_fk" FOREIGN KEY ("disaggregation_code") REFERENCES "public"."stat_disaggregations"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_events" ADD CONSTRAINT "stat_report_events_report_id_stat_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."stat_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_events" ADD CONSTRAINT "stat_report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_form_id_stat_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."stat_forms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_values" ADD CONSTRAINT "stat_values_indicator_code_stat_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."stat_indicators"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_values" ADD CONSTRAINT "stat_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_form_units_unit_idx" ON "stat_form_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_forms_code_uq" ON "stat_forms" USING btree ("code");--> statement-breakpoint
CREATE INDEX "stat_indicators_group_idx" ON "stat_indicators" USING btree ("group_code");--> statement-breakpoint
CREATE INDEX "stat_report_events_report_idx" ON "stat_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_reports_uq" ON "stat_reports" USING btree ("form_id","unit_id","period_code");--> statement-breakpoint
CREATE INDEX "stat_reports_period_idx" ON "stat_reports" USING btree ("form_id","period_code");--> statement-breakpoint
CREATE INDEX "stat_value_history_key_idx" ON "stat_value_history" USING btree ("unit_id","period_code","indicator_code","option_code");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_values_id_uq" ON "stat_values" USING btree ("id");--> statement-breakpoint
CREATE INDEX "stat_values_unit_period_idx" ON "stat_values" USING btree ("unit_id","period_code");