CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conclusion_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid,
	"document_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuing_organisation_id" uuid,
	"signer_person_id" uuid,
	"signer_text" text,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"issued_by_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "engagement_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"side" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_units" (
	"engagement_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "engagement_units_engagement_id_unit_id_pk" PRIMARY KEY("engagement_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"host_organisation_id" uuid,
	"programme_id" uuid,
	"summary" text,
	"notes" text,
	"search_text" text GENERATED ALWAYS AS (vn_fold(title || ' ' || coalesce(place, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_dates_chk" CHECK ("engagements"."ends_on" >= "engagements"."starts_on"),
	CONSTRAINT "engagements_kind_chk" CHECK ("engagements"."kind" IN ('working_session', 'conference', 'signing_ceremony', 'field_survey'))
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"instance" text NOT NULL,
	"result" jsonb,
	"error" text,
	CONSTRAINT "job_runs_job_run_key_pk" PRIMARY KEY("job","run_key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programme_contents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "programme_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" text,
	"side" text NOT NULL,
	"signatory_person_id" uuid,
	CONSTRAINT "programme_parties_side_chk" CHECK (("programme_parties"."side" = 'ministry' AND "programme_parties"."unit_id" IS NULL) OR ("programme_parties"."side" = 'province' AND "programme_parties"."unit_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"signed_on" date,
	"period_start_year" integer NOT NULL,
	"period_end_year" integer NOT NULL,
	"horizon_year" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"superseded_by_id" uuid,
	"summary" text,
	"notes" text,
	"search_text" text GENERATED ALWAYS AS (vn_fold(title || ' ' || coalesce(document_number, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_period_chk" CHECK ("programmes"."period_end_year" >= "programmes"."period_start_year"),
	CONSTRAINT "programmes_horizon_chk" CHECK ("programmes"."horizon_year" IS NULL OR "programmes"."horizon_year" >= "programmes"."period_end_year"),
	CONSTRAINT "programmes_status_chk" CHECK ("programmes"."status" IN ('draft', 'in_force', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "proposal_units" (
	"proposal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "proposal_units_proposal_id_organisation_id_pk" PRIMARY KEY("proposal_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"engagement_id" uuid,
	"title" text NOT NULL,
	"content" text,
	"category" text NOT NULL,
	"estimated_cost" numeric(16, 2),
	"funding_source" text,
	"answer" text,
	"answer_reason" text,
	"answered_on" date,
	"answered_by_organisation_id" uuid,
	"search_text" text GENERATED ALWAYS AS (vn_fold(title || ' ' || coalesce(content, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_category_chk" CHECK ("proposals"."category" IN ('policy', 'funding', 'national_task', 'technology_appraisal', 'training', 'other')),
	CONSTRAINT "proposals_answer_chk" CHECK ("proposals"."answer" IS NULL OR "proposals"."answer" IN ('agreed', 'agreed_with_conditions', 'under_study', 'not_agreed')),
	CONSTRAINT "proposals_cost_chk" CHECK ("proposals"."estimated_cost" IS NULL OR "proposals"."estimated_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "roadmap_dependencies" (
	"item_id" uuid NOT NULL,
	"depends_on_item_id" uuid NOT NULL,
	CONSTRAINT "roadmap_dependencies_item_id_depends_on_item_id_pk" PRIMARY KEY("item_id","depends_on_item_id"),
	CONSTRAINT "roadmap_dependencies_self_chk" CHECK ("roadmap_dependencies"."item_id" <> "roadmap_dependencies"."depends_on_item_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_envelopes" (
	"roadmap_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "roadmap_envelopes_roadmap_id_year_pk" PRIMARY KEY("roadmap_id","year"),
	CONSTRAINT "roadmap_envelopes_amount_chk" CHECK ("roadmap_envelopes"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"cost" numeric(16, 2) NOT NULL,
	"duration_years" integer DEFAULT 1 NOT NULL,
	"earliest_start_year" integer,
	"pinned_year" integer,
	"excluded" boolean DEFAULT false NOT NULL,
	"planned_year" integer,
	CONSTRAINT "roadmap_items_duration_chk" CHECK ("roadmap_items"."duration_years" BETWEEN 1 AND 15),
	CONSTRAINT "roadmap_items_cost_chk" CHECK ("roadmap_items"."cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" text NOT NULL,
	"title" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"engagement_id" uuid,
	"last_plan" jsonb,
	"planned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmaps_span_chk" CHECK ("roadmaps"."end_year" >= "roadmaps"."start_year" AND "roadmaps"."end_year" - "roadmaps"."start_year" < 15)
);
--> statement-breakpoint
CREATE TABLE "task_cooperators" (
	"task_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" text,
	CONSTRAINT "task_cooperators_task_id_organisation_id_pk" PRIMARY KEY("task_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "task_explanations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"request_text" text NOT NULL,
	"answer_due_on" date,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer_text" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"previous_deadline" date NOT NULL,
	"requested_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "task_extensions_status_chk" CHECK ("task_extensions"."status" IN ('pending', 'approved', 'refused')),
	CONSTRAINT "task_extensions_later_chk" CHECK ("task_extensions"."requested_deadline" > "task_extensions"."previous_deadline")
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"cycle" text,
	"narrative" text NOT NULL,
	"percent" integer,
	"difficulties" text,
	"requests" text,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_reports_percent_chk" CHECK ("task_reports"."percent" IS NULL OR ("task_reports"."percent" BETWEEN 0 AND 100))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" text NOT NULL,
	"conclusion_notice_id" uuid,
	"directive_id" uuid,
	"programme_content_id" uuid,
	"proposal_id" uuid,
	"number" text,
	"title" text NOT NULL,
	"description" text,
	"lead_organisation_id" uuid NOT NULL,
	"lead_unit_id" text,
	"assigned_by_organisation_id" uuid NOT NULL,
	"assigned_on" date NOT NULL,
	"deadline" date,
	"original_deadline" date,
	"recurrence" text,
	"recurrence_ends_on" date,
	"expected_product" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"completed_on" date,
	"completion_output" text,
	"search_text" text GENERATED ALWAYS AS (vn_fold(title || ' ' || coalesce(description, ''))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_source_chk" CHECK (("tasks"."source_kind" = 'conclusion_notice' AND "tasks"."conclusion_notice_id" IS NOT NULL)
       OR ("tasks"."source_kind" = 'directive' AND "tasks"."directive_id" IS NOT NULL)
       OR ("tasks"."source_kind" = 'programme_content' AND "tasks"."programme_content_id" IS NOT NULL)
       OR ("tasks"."source_kind" = 'proposal' AND "tasks"."proposal_id" IS NOT NULL)),
	CONSTRAINT "tasks_schedule_chk" CHECK (("tasks"."recurrence" IS NULL) OR ("tasks"."deadline" IS NULL)),
	CONSTRAINT "tasks_recurrence_chk" CHECK ("tasks"."recurrence" IS NULL OR "tasks"."recurrence" IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
	CONSTRAINT "tasks_priority_chk" CHECK ("tasks"."priority" IN ('high', 'normal', 'low'))
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conclusion_notices" ADD CONSTRAINT "conclusion_notices_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conclusion_notices" ADD CONSTRAINT "conclusion_notices_issuing_organisation_id_organisations_id_fk" FOREIGN KEY ("issuing_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conclusion_notices" ADD CONSTRAINT "conclusion_notices_signer_person_id_people_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_issued_by_person_id_people_id_fk" FOREIGN KEY ("issued_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_units" ADD CONSTRAINT "engagement_units_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_units" ADD CONSTRAINT "engagement_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contents" ADD CONSTRAINT "programme_contents_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_parties" ADD CONSTRAINT "programme_parties_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_parties" ADD CONSTRAINT "programme_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_parties" ADD CONSTRAINT "programme_parties_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_parties" ADD CONSTRAINT "programme_parties_signatory_person_id_people_id_fk" FOREIGN KEY ("signatory_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_superseded_by_id_programmes_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_units" ADD CONSTRAINT "proposal_units_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_units" ADD CONSTRAINT "proposal_units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_answered_by_organisation_id_organisations_id_fk" FOREIGN KEY ("answered_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_dependencies" ADD CONSTRAINT "roadmap_dependencies_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_dependencies" ADD CONSTRAINT "roadmap_dependencies_depends_on_item_id_roadmap_items_id_fk" FOREIGN KEY ("depends_on_item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_envelopes" ADD CONSTRAINT "roadmap_envelopes_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_explanations" ADD CONSTRAINT "task_explanations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_explanations" ADD CONSTRAINT "task_explanations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_explanations" ADD CONSTRAINT "task_explanations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_extensions" ADD CONSTRAINT "task_extensions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_extensions" ADD CONSTRAINT "task_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_extensions" ADD CONSTRAINT "task_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_conclusion_notice_id_conclusion_notices_id_fk" FOREIGN KEY ("conclusion_notice_id") REFERENCES "public"."conclusion_notices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_programme_content_id_programme_contents_id_fk" FOREIGN KEY ("programme_content_id") REFERENCES "public"."programme_contents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_by_organisation_id_organisations_id_fk" FOREIGN KEY ("assigned_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conclusion_notices_number_uq" ON "conclusion_notices" USING btree ("document_number","issued_on");--> statement-breakpoint
CREATE INDEX "conclusion_notices_engagement_idx" ON "conclusion_notices" USING btree ("engagement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directives_number_uq" ON "directives" USING btree ("engagement_id","number");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_participants_uq" ON "engagement_participants" USING btree ("engagement_id","person_id");--> statement-breakpoint
CREATE INDEX "engagement_participants_person_idx" ON "engagement_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "engagement_units_unit_idx" ON "engagement_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "engagements_starts_idx" ON "engagements" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_contents_number_uq" ON "programme_contents" USING btree ("programme_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_parties_uq" ON "programme_parties" USING btree ("programme_id","organisation_id");--> statement-breakpoint
CREATE INDEX "programme_parties_unit_idx" ON "programme_parties" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "proposals_unit_idx" ON "proposals" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "proposals_engagement_idx" ON "proposals" USING btree ("engagement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_items_uq" ON "roadmap_items" USING btree ("roadmap_id","proposal_id");--> statement-breakpoint
CREATE INDEX "roadmaps_unit_idx" ON "roadmaps" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "task_cooperators_unit_idx" ON "task_cooperators" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "task_explanations_task_idx" ON "task_explanations" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_extensions_task_idx" ON "task_extensions" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_reports_task_idx" ON "task_reports" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE INDEX "tasks_lead_org_idx" ON "tasks" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_unit_idx" ON "tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "tasks" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "tasks_notice_idx" ON "tasks" USING btree ("conclusion_notice_id");--> statement-breakpoint
CREATE INDEX "tasks_content_idx" ON "tasks" USING btree ("programme_content_id");