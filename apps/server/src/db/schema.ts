import { sql } from 'drizzle-orm';
import type {
  AttachmentPurpose,
  Direction,
  EngagementKind,
  LineageRelation,
  NotificationKind,
  OrganisationKind,
  ParticipantSide,
  PeriodAggregation,
  PeriodForm,
  PeriodType,
  PiiNodeType,
  PiiPlacement,
  PiiUnitBasis,
  ProposalAnswer,
  ProposalCategory,
  Recurrence,
  ReportAction,
  ReportStatus,
  Role,
  RoadmapCriterion,
  ScopeKind,
  TaskPriority,
  TaskSourceKind,
  UnitAggregation,
  UnitType,
  ValueChannel,
  ValueType,
} from '@caunoi/shared';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/* ───────────── Provincial units across the 2025 reform ───────────── */

/** A provincial unit over its life; id = `code@validFrom` (a code alone is not an identity). */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    regionVi: text('region_vi').notNull(),
    regionEn: text('region_en').notNull(),
    regionVerified: boolean('region_verified').notNull(),
    seat: text('seat'),
    notes: text('notes'),
  },
  (t) => [
    index('units_code_idx').on(t.code),
    check('units_validity_chk', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Names and types of a unit over time (Huế became a centrally-run city on 2025-01-01). */
export const unitNames = pgTable(
  'unit_names',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    nameVi: text('name_vi').notNull(),
    fullNameVi: text('full_name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    nameAscii: text('name_ascii').notNull(),
    type: text('type').$type<UnitType>().notNull(),
    legalBasis: text('legal_basis'),
  },
  (t) => [
    index('unit_names_unit_idx').on(t.unitId, t.validFrom),
    check('unit_names_type_chk', sql`${t.type} IN ('province', 'centrally_run_city')`),
  ],
);

/** Predecessor → successor with the share of the predecessor that went into the successor. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    predecessorId: text('predecessor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    successorId: text('successor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    relation: text('relation').$type<LineageRelation>().notNull(),
    weight: numeric('weight', { precision: 7, scale: 6 }).notNull().default('1'),
    legalBasis: text('legal_basis'),
  },
  (t) => [
    uniqueIndex('unit_lineage_pair_uq').on(t.predecessorId, t.successorId),
    index('unit_lineage_successor_idx').on(t.successorId),
    check('unit_lineage_weight_chk', sql`${t.weight} > 0 AND ${t.weight} <= 1`),
  ],
);

/* ───────────── Organisations and people ───────────── */

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key for reference and seed data (e.g. `SKHCN-31@2025-07-01`); optional for others. */
    code: text('code'),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    shortName: text('short_name'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, {
      onDelete: 'restrict',
    }),
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    address: text('address'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    /** Folded (tone- and case-insensitive) text searched by the directory. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`vn_fold(name_vi || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(code, ''))`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_code_uq').on(t.code),
    index('organisations_unit_idx').on(t.unitId),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_kind_idx').on(t.kind),
    check(
      'organisations_kind_chk',
      sql`${t.kind} IN ('ministry', 'ministry_unit', 'dost', 'peoples_committee', 'party_committee', 'university', 'institute', 'enterprise', 'other')`,
    ),
    check(
      'organisations_validity_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  notes: text('notes'),
  searchText: text('search_text')
    .notNull()
    .generatedAlwaysAs(sql`vn_fold(full_name)`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A title a person held in an organisation over an interval (open-ended or attested on a date). */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    source: text('source'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('positions_person_idx').on(t.personId),
    index('positions_org_idx').on(t.organisationId),
    check(
      'positions_validity_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

/* ───────────── Accounts ───────────── */

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    isActive: boolean('is_active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    preferences: jsonb('preferences').$type<{ locale?: 'vi' | 'en' }>().notNull().default({}),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(username || ' ' || display_name)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    scopeKind: text('scope_kind').$type<ScopeKind>().notNull(),
    scopeUnitId: text('scope_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    scopeOrganisationId: uuid('scope_organisation_id').references(() => organisations.id, {
      onDelete: 'restrict',
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    check(
      'role_assignments_role_chk',
      sql`${t.role} IN ('system_admin', 'ministry_coordinator', 'ministry_unit_officer', 'province_officer', 'province_approver', 'viewer')`,
    ),
    check(
      'role_assignments_scope_chk',
      sql`(${t.scopeKind} = 'national' AND ${t.scopeUnitId} IS NULL AND ${t.scopeOrganisationId} IS NULL)
       OR (${t.scopeKind} = 'province' AND ${t.scopeUnitId} IS NOT NULL AND ${t.scopeOrganisationId} IS NULL)
       OR (${t.scopeKind} = 'organisation' AND ${t.scopeOrganisationId} IS NOT NULL AND ${t.scopeUnitId} IS NULL)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the cookie value itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token is shown once, at creation. */
    tokenHash: text('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
  ],
);

/* ───────────── Audit ───────────── */

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username').notNull(),
    /** web (session), api (token), cli, system. */
    channel: text('channel').$type<'web' | 'api' | 'cli' | 'system'>().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_occurred_idx').on(t.occurredAt),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);

/* ───────────── Files attached to records ───────────── */

/** Uploaded files, kept in the database so that backups and several app instances see the same. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** A file attached to a record (`entity_type`/`entity_id`, e.g. a programme's signed document). */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    purpose: text('purpose').$type<AttachmentPurpose>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_entity_idx').on(t.entityType, t.entityId)],
);

/* ───────────── Cooperation programmes ───────────── */

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    documentNumber: text('document_number'),
    signedOn: date('signed_on', { mode: 'string' }),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    horizonYear: integer('horizon_year'),
    /** draft | in_force | superseded; "expired" is derived from the period. */
    status: text('status').$type<'draft' | 'in_force' | 'superseded'>().notNull().default('draft'),
    supersededById: uuid('superseded_by_id').references((): AnyPgColumn => programmes.id, {
      onDelete: 'set null',
    }),
    summary: text('summary'),
    /** Caveats on the record itself, e.g. a year the source does not print. */
    notes: text('notes'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(title || ' ' || coalesce(document_number, ''))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('programmes_period_chk', sql`${t.periodEndYear} >= ${t.periodStartYear}`),
    check(
      'programmes_horizon_chk',
      sql`${t.horizonYear} IS NULL OR ${t.horizonYear} >= ${t.periodEndYear}`,
    ),
    check('programmes_status_chk', sql`${t.status} IN ('draft', 'in_force', 'superseded')`),
  ],
);

/** The parties that signed: the Ministry or one of its units, and one or more provinces. */
export const programmeParties = pgTable(
  'programme_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** The province a provincial party stands for (null for the Ministry side). */
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    side: text('side').$type<'ministry' | 'province'>().notNull(),
    signatoryPersonId: uuid('signatory_person_id').references(() => people.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    uniqueIndex('programme_parties_uq').on(t.programmeId, t.organisationId),
    index('programme_parties_unit_idx').on(t.unitId),
    check(
      'programme_parties_side_chk',
      sql`(${t.side} = 'ministry' AND ${t.unitId} IS NULL) OR (${t.side} = 'province' AND ${t.unitId} IS NOT NULL)`,
    ),
  ],
);

/** Numbered contents of a programme (nội dung phối hợp); their action items are tasks. */
export const programmeContents = pgTable(
  'programme_contents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [uniqueIndex('programme_contents_number_uq').on(t.programmeId, t.number)],
);

/* ───────────── Engagements and their outcomes ───────────── */

export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<EngagementKind>().notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    place: text('place'),
    hostOrganisationId: uuid('host_organisation_id').references(() => organisations.id, {
      onDelete: 'restrict',
    }),
    /** The programme signed or followed up at this engagement, if any. */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    summary: text('summary'),
    notes: text('notes'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(title || ' ' || coalesce(place, ''))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('engagements_starts_idx').on(t.startsOn),
    check('engagements_dates_chk', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'engagements_kind_chk',
      sql`${t.kind} IN ('working_session', 'conference', 'signing_ceremony', 'field_survey')`,
    ),
  ],
);

/** Provinces involved in an engagement (none for a national conference). */
export const engagementUnits = pgTable(
  'engagement_units',
  {
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.unitId] }),
    index('engagement_units_unit_idx').on(t.unitId),
  ],
);

/** Who attended, with the title and organisation they held that day. */
export const engagementParticipants = pgTable(
  'engagement_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'restrict',
    }),
    /** The title as held on the engagement's date (copied from the position, or typed). */
    title: text('title').notNull(),
    side: text('side').$type<ParticipantSide>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('engagement_participants_uq').on(t.engagementId, t.personId),
    index('engagement_participants_person_idx').on(t.personId),
  ],
);

/** Numbered directives given by leadership at an engagement ("năm nhiệm vụ trọng tâm"). */
export const directives = pgTable(
  'directives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    issuedByPersonId: uuid('issued_by_person_id').references(() => people.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [uniqueIndex('directives_number_uq').on(t.engagementId, t.number)],
);

/** A conclusion notice (thông báo kết luận) whose points become tasks. */
export const conclusionNotices = pgTable(
  'conclusion_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    engagementId: uuid('engagement_id').references(() => engagements.id, { onDelete: 'restrict' }),
    documentNumber: text('document_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuingOrganisationId: uuid('issuing_organisation_id').references(() => organisations.id, {
      onDelete: 'restrict',
    }),
    signerPersonId: uuid('signer_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The signer as printed ("Thứ trưởng Nguyễn Hoàng Giang"), kept even if the person is unknown. */
    signerText: text('signer_text'),
    summary: text('summary'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conclusion_notices_number_uq').on(t.documentNumber, t.issuedOn),
    index('conclusion_notices_engagement_idx').on(t.engagementId),
  ],
);

/* ───────────── Proposals ───────────── */

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    engagementId: uuid('engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    content: text('content'),
    category: text('category').$type<ProposalCategory>().notNull(),
    /** Estimated cost in million VND. */
    estimatedCost: numeric('estimated_cost', { precision: 16, scale: 2 }),
    fundingSource: text('funding_source'),
    answer: text('answer').$type<ProposalAnswer>(),
    answerReason: text('answer_reason'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredByOrganisationId: uuid('answered_by_organisation_id').references(
      () => organisations.id,
      { onDelete: 'restrict' },
    ),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(title || ' ' || coalesce(content, ''))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('proposals_unit_idx').on(t.unitId),
    index('proposals_engagement_idx').on(t.engagementId),
    check(
      'proposals_category_chk',
      sql`${t.category} IN ('policy', 'funding', 'national_task', 'technology_appraisal', 'training', 'other')`,
    ),
    check(
      'proposals_answer_chk',
      sql`${t.answer} IS NULL OR ${t.answer} IN ('agreed', 'agreed_with_conditions', 'under_study', 'not_agreed')`,
    ),
    check('proposals_cost_chk', sql`${t.estimatedCost} IS NULL OR ${t.estimatedCost} >= 0`),
  ],
);

/** Ministry units assigned to a proposal by function. */
export const proposalUnits = pgTable(
  'proposal_units',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.organisationId] })],
);

/* ───────────── Tasks and follow-up ───────────── */

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceKind: text('source_kind').$type<TaskSourceKind>().notNull(),
    conclusionNoticeId: uuid('conclusion_notice_id').references(() => conclusionNotices.id, {
      onDelete: 'restrict',
    }),
    directiveId: uuid('directive_id').references(() => directives.id, { onDelete: 'restrict' }),
    programmeContentId: uuid('programme_content_id').references(() => programmeContents.id, {
      onDelete: 'restrict',
    }),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'restrict' }),
    /** Position within its source (point 2 of a notice, action 1.3 of a programme). */
    number: text('number'),
    title: text('title').notNull(),
    description: text('description'),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** The province the lead organisation belongs to (denormalised for scoping and league tables). */
    leadUnitId: text('lead_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** The assigning side, which decides extensions and asks for explanations. */
    assignedByOrganisationId: uuid('assigned_by_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    /** The deadline in force (after approved extensions); null for a periodic task. */
    deadline: date('deadline', { mode: 'string' }),
    /** The deadline first set, kept visible next to the current one. */
    originalDeadline: date('original_deadline', { mode: 'string' }),
    /** Periodic ("thường xuyên") tasks report every cycle instead of having one deadline. */
    recurrence: text('recurrence').$type<Recurrence>(),
    /** Last day of the periodic obligation (e.g. the programme's end); null = open-ended. */
    recurrenceEndsOn: date('recurrence_ends_on', { mode: 'string' }),
    expectedProduct: text('expected_product'),
    priority: text('priority').$type<TaskPriority>().notNull().default('normal'),
    completedOn: date('completed_on', { mode: 'string' }),
    completionOutput: text('completion_output'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(title || ' ' || coalesce(description, ''))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_lead_org_idx').on(t.leadOrganisationId),
    index('tasks_lead_unit_idx').on(t.leadUnitId),
    index('tasks_deadline_idx').on(t.deadline),
    index('tasks_notice_idx').on(t.conclusionNoticeId),
    index('tasks_content_idx').on(t.programmeContentId),
    check(
      'tasks_source_chk',
      sql`(${t.sourceKind} = 'conclusion_notice' AND ${t.conclusionNoticeId} IS NOT NULL)
       OR (${t.sourceKind} = 'directive' AND ${t.directiveId} IS NOT NULL)
       OR (${t.sourceKind} = 'programme_content' AND ${t.programmeContentId} IS NOT NULL)
       OR (${t.sourceKind} = 'proposal' AND ${t.proposalId} IS NOT NULL)`,
    ),
    check('tasks_schedule_chk', sql`(${t.recurrence} IS NULL) OR (${t.deadline} IS NULL)`),
    check(
      'tasks_recurrence_chk',
      sql`${t.recurrence} IS NULL OR ${t.recurrence} IN ('monthly', 'quarterly', 'half_yearly', 'yearly')`,
    ),
    check('tasks_priority_chk', sql`${t.priority} IN ('high', 'normal', 'low')`),
  ],
);

export const taskCooperators = pgTable(
  'task_cooperators',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.organisationId] }),
    index('task_cooperators_unit_idx').on(t.unitId),
  ],
);

/** Progress reports of the lead unit; for a periodic task, one per reporting cycle. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    /** The reporting cycle a periodic task's report covers (e.g. 2025Q3); null otherwise. */
    cycle: text('cycle'),
    narrative: text('narrative').notNull(),
    percent: integer('percent'),
    difficulties: text('difficulties'),
    requests: text('requests'),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('task_reports_task_idx').on(t.taskId, t.reportedOn),
    check(
      'task_reports_percent_chk',
      sql`${t.percent} IS NULL OR (${t.percent} BETWEEN 0 AND 100)`,
    ),
  ],
);

/** A request for a new deadline, decided by the assigning side. */
export const taskExtensions = pgTable(
  'task_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    previousDeadline: date('previous_deadline', { mode: 'string' }).notNull(),
    requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    status: text('status').$type<'pending' | 'approved' | 'refused'>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('task_extensions_task_idx').on(t.taskId),
    check('task_extensions_status_chk', sql`${t.status} IN ('pending', 'approved', 'refused')`),
    check('task_extensions_later_chk', sql`${t.requestedDeadline} > ${t.previousDeadline}`),
  ],
);

/** A request for explanation (yêu cầu giải trình) on an overdue task, which the lead unit answers. */
export const taskExplanations = pgTable(
  'task_explanations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    requestText: text('request_text').notNull(),
    answerDueOn: date('answer_due_on', { mode: 'string' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    answerText: text('answer_text'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('task_explanations_task_idx').on(t.taskId)],
);

/* ───────────── Notifications, e-mail and scheduled jobs ───────────── */

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** Makes repeated runs of a job idempotent: one notification per user and key. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Outgoing e-mail: sent through SMTP when configured, else kept here for administrators to see. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id').references(() => notifications.id, {
      onDelete: 'set null',
    }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('email_outbox_pending_idx').on(t.sentAt, t.createdAt)],
);

/** One row per run of a scheduled job and key (e.g. the day): two instances never run it twice. */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    instance: text('instance').notNull(),
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

/* ───────────── Roadmaps ───────────── */

/** A province's year-by-year roadmap of its agreed proposals. */
export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    weights: jsonb('weights').$type<Record<RoadmapCriterion, number>>().notNull(),
    /** The engagement whose instruction this roadmap answers, if any. */
    engagementId: uuid('engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
    /** Result of the last planning run (objective, greedy objective, solve time, status). */
    lastPlan: jsonb('last_plan'),
    plannedAt: timestamp('planned_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('roadmaps_unit_idx').on(t.unitId),
    check(
      'roadmaps_span_chk',
      sql`${t.endYear} >= ${t.startYear} AND ${t.endYear} - ${t.startYear} < 15`,
    ),
  ],
);

export const roadmapEnvelopes = pgTable(
  'roadmap_envelopes',
  {
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** Budget available that year, million VND. */
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roadmapId, t.year] }),
    check('roadmap_envelopes_amount_chk', sql`${t.amount} >= 0`),
  ],
);

export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    /** Scores 1–5 per criterion (higher is better). */
    scores: jsonb('scores').$type<Record<RoadmapCriterion, number>>().notNull(),
    /** Cost used for planning, million VND (defaults to the proposal's estimate). */
    cost: numeric('cost', { precision: 16, scale: 2 }).notNull(),
    durationYears: integer('duration_years').notNull().default(1),
    earliestStartYear: integer('earliest_start_year'),
    pinnedYear: integer('pinned_year'),
    excluded: boolean('excluded').notNull().default(false),
    /** Start year chosen by the last planning run (null: not planned). */
    plannedYear: integer('planned_year'),
  },
  (t) => [
    uniqueIndex('roadmap_items_uq').on(t.roadmapId, t.proposalId),
    check('roadmap_items_duration_chk', sql`${t.durationYears} BETWEEN 1 AND 15`),
    check('roadmap_items_cost_chk', sql`${t.cost} >= 0`),
  ],
);

export const roadmapDependencies = pgTable(
  'roadmap_dependencies',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    dependsOnItemId: uuid('depends_on_item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.dependsOnItemId] }),
    check('roadmap_dependencies_self_chk', sql`${t.itemId} <> ${t.dependsOnItemId}`),
  ],
);

/* ───────────── Statistics: catalogue ───────────── */

export const statIndicatorGroups = pgTable('stat_indicator_groups', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A category combination (tasks by level, spending by source). */
export const statDisaggregations = pgTable('stat_disaggregations', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

export const statDisaggregationOptions = pgTable(
  'stat_disaggregation_options',
  {
    disaggregationCode: text('disaggregation_code')
      .notNull()
      .references(() => statDisaggregations.code, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.disaggregationCode, t.code] })],
);

export const statIndicators = pgTable(
  'stat_indicators',
  {
    code: text('code').primaryKey(),
    groupCode: text('group_code')
      .notNull()
      .references(() => statIndicatorGroups.code, { onDelete: 'restrict' }),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    definitionVi: text('definition_vi').notNull(),
    definitionEn: text('definition_en').notNull(),
    unitVi: text('unit_vi').notNull(),
    unitEn: text('unit_en').notNull(),
    valueType: text('value_type').$type<ValueType>().notNull(),
    unitAggregation: text('unit_aggregation').$type<UnitAggregation>().notNull(),
    ratioNumerator: text('ratio_numerator'),
    ratioDenominator: text('ratio_denominator'),
    ratioFactor: doublePrecision('ratio_factor'),
    periodAggregation: text('period_aggregation').$type<PeriodAggregation>().notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    sourceVi: text('source_vi').notNull(),
    legalBasis: text('legal_basis').notNull(),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    disaggregationCode: text('disaggregation_code').references(() => statDisaggregations.code, {
      onDelete: 'restrict',
    }),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('stat_indicators_group_idx').on(t.groupCode),
    check(
      'stat_indicators_ratio_chk',
      sql`(${t.unitAggregation} = 'ratio') = (${t.ratioNumerator} IS NOT NULL AND ${t.ratioDenominator} IS NOT NULL AND ${t.ratioFactor} IS NOT NULL)`,
    ),
  ],
);

/** A validation rule over indicator codes; scope null = every form / every province. */
export const statRules = pgTable('stat_rules', {
  code: text('code').primaryKey(),
  expression: text('expression').notNull(),
  severity: text('severity').$type<'error' | 'warning'>().notNull(),
  messageVi: text('message_vi').notNull(),
  messageEn: text('message_en').notNull(),
  scopeFormCodes: text('scope_form_codes').array(),
  scopeUnitIds: text('scope_unit_ids').array(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/* ───────────── Statistics: forms, reports, values ───────────── */

/** A reporting form (biểu mẫu): indicators, period type, calendar and the provinces that report. */
export const statForms = pgTable(
  'stat_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description'),
    periodType: text('period_type').$type<PeriodType>().notNull(),
    periodForm: text('period_form').$type<PeriodForm>().notNull(),
    /** Days after the period's last day: entry opens, the deadline, the lock ("expiry"). */
    opensAfterDays: integer('opens_after_days').notNull(),
    deadlineAfterDays: integer('deadline_after_days').notNull(),
    locksAfterDays: integer('locks_after_days').notNull(),
    /** First period the form is collected for. */
    firstPeriod: text('first_period').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('stat_forms_code_uq').on(t.code),
    check(
      'stat_forms_calendar_chk',
      sql`${t.opensAfterDays} <= ${t.deadlineAfterDays} AND ${t.deadlineAfterDays} <= ${t.locksAfterDays}`,
    ),
  ],
);

export const statFormIndicators = pgTable(
  'stat_form_indicators',
  {
    formId: uuid('form_id')
      .notNull()
      .references(() => statForms.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => statIndicators.code, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.formId, t.indicatorCode] })],
);

/** The provinces a form is assigned to. */
export const statFormUnits = pgTable(
  'stat_form_units',
  {
    formId: uuid('form_id')
      .notNull()
      .references(() => statForms.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.formId, t.unitId] }),
    index('stat_form_units_unit_idx').on(t.unitId),
  ],
);

/** One period's dates when they differ from the form's calendar (an extended deadline). */
export const statFormPeriods = pgTable(
  'stat_form_periods',
  {
    formId: uuid('form_id')
      .notNull()
      .references(() => statForms.id, { onDelete: 'cascade' }),
    periodCode: text('period_code').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    locksOn: date('locks_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.formId, t.periodCode] }),
    check(
      'stat_form_periods_order_chk',
      sql`${t.opensOn} <= ${t.deadline} AND ${t.deadline} <= ${t.locksOn}`,
    ),
  ],
);

/** One form filled by one province for one period, and its place in the workflow. */
export const statReports = pgTable(
  'stat_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => statForms.id, { onDelete: 'restrict' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    periodCode: text('period_code').notNull(),
    status: text('status').$type<Exclude<ReportStatus, 'not_started'>>().notNull(),
    /** Reopened after its lock date: values may change until it is submitted again. */
    reopened: boolean('reopened').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** The first submission's day (Vietnamese calendar), which decides timeliness. */
    firstSubmittedOn: date('first_submitted_on', { mode: 'string' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    /** Comment of the last return, shown to the reporter until the next submission. */
    returnComment: text('return_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('stat_reports_uq').on(t.formId, t.unitId, t.periodCode),
    index('stat_reports_period_idx').on(t.formId, t.periodCode),
    check(
      'stat_reports_status_chk',
      sql`${t.status} IN ('draft', 'submitted', 'approved', 'accepted')`,
    ),
  ],
);

/** Every workflow step of a report: who, when, from which status to which, with what comment. */
export const statReportEvents = pgTable(
  'stat_report_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => statReports.id, { onDelete: 'cascade' }),
    action: text('action').$type<ReportAction | 'remind'>().notNull(),
    fromStatus: text('from_status').$type<ReportStatus>().notNull(),
    toStatus: text('to_status').$type<ReportStatus>().notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorUsername: text('actor_username').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stat_report_events_report_idx').on(t.reportId, t.at)],
);

/**
 * A reported figure: indicator (and disaggregation option, '' when none) × unit × period, keyed
 * like DHIS2's data values, independent of the form it was entered through. Numbers (and yes/no
 * as 1/0) in `num`, text in `txt`; both null = blank (kept for its comment or evidence).
 */
export const statValues = pgTable(
  'stat_values',
  {
    id: uuid('id').notNull().defaultRandom(),
    /**
     * References stat_indicators.code and units.id, kept by statement-level triggers (migration
     * 0006, decision 0023) rather than foreign keys checked row by row: a bulk import of a
     * million values checks them with one join per statement.
     */
    indicatorCode: text('indicator_code').notNull(),
    optionCode: text('option_code').notNull().default(''),
    unitId: text('unit_id').notNull(),
    periodCode: text('period_code').notNull(),
    num: doublePrecision('num'),
    txt: text('txt'),
    comment: text('comment'),
    /** Generated for demonstration, not reported by anyone: labelled in every view and export. */
    synthetic: boolean('synthetic').notNull().default(false),
    /** Who wrote this version, when, through which channel and upload or import. */
    channel: text('channel').$type<ValueChannel>().notNull(),
    batchId: uuid('batch_id'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.optionCode, t.unitId, t.periodCode] }),
    uniqueIndex('stat_values_id_uq').on(t.id),
    index('stat_values_unit_period_idx').on(t.unitId, t.periodCode),
  ],
);

/**
 * The former versions of a value, as in a system-versioned table: when a value changes, the
 * version it replaces (number, text, comment, and who wrote it, when, through which channel and
 * upload) moves here, and the new one is the row of `stat_values`. A value's history is its
 * versions in order, each change read as the step from one to the next; a value written once has
 * no row here (decision 0024).
 */
export const statValueHistory = pgTable(
  'stat_value_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorCode: text('indicator_code').notNull(),
    optionCode: text('option_code').notNull(),
    unitId: text('unit_id').notNull(),
    periodCode: text('period_code').notNull(),
    num: doublePrecision('num'),
    txt: text('txt'),
    comment: text('comment'),
    channel: text('channel').$type<ValueChannel>().notNull(),
    batchId: uuid('batch_id'),
    actorUsername: text('actor_username').notNull(),
    /** When this version was written. */
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('stat_value_history_key_idx').on(t.unitId, t.periodCode, t.indicatorCode, t.optionCode),
  ],
);

/** A committed Excel upload or bulk import, with its summary. */
export const statImports = pgTable('stat_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').$type<ValueChannel>().notNull(),
  fileName: text('file_name'),
  summary: jsonb('summary').notNull(),
  actorUsername: text('actor_username').notNull(),
  createdAt: createdAt(),
});

/* ───────────── Provincial Innovation Index: editions, runs, published results ───────────── */

/** One edition of the PII framework (an edition per year). */
export const piiEditions = pgTable(
  'pii_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Built from public sources, not the official list ("khung minh họa"). */
    illustrative: boolean('illustrative').notNull().default(false),
    unitBasis: text('unit_basis').$type<PiiUnitBasis>().notNull(),
    /** The reporting year a run reads by default. */
    dataYear: integer('data_year').notNull(),
    notes: text('notes'),
    /** The engine's pipeline configuration. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('pii_editions_year_uq').on(t.year),
    check('pii_editions_basis_chk', sql`${t.unitBasis} IN ('provinces-63', 'provinces-34')`),
  ],
);

/** The framework's rows (COINr's iMeta), in order. */
export const piiNodes = pgTable(
  'pii_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => piiEditions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    type: text('type').$type<PiiNodeType>().notNull(),
    level: integer('level'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    parent: text('parent'),
    weight: doublePrecision('weight').notNull().default(1),
    direction: integer('direction').notNull().default(1),
    denominator: text('denominator'),
    /** The statistics catalogue indicator whose accepted values feed this row. */
    sourceIndicator: text('source_indicator'),
    unitVi: text('unit_vi'),
    placement: text('placement').$type<PiiPlacement>(),
  },
  (t) => [
    uniqueIndex('pii_nodes_code_uq').on(t.editionId, t.code),
    index('pii_nodes_edition_idx').on(t.editionId, t.position),
    check('pii_nodes_direction_chk', sql`${t.direction} IN (1, -1)`),
    check(
      'pii_nodes_type_chk',
      sql`${t.type} IN ('Indicator', 'Aggregate', 'Denominator', 'Group')`,
    ),
  ],
);

/**
 * A computation run: its inputs (framework, configuration, the values read) and every output,
 * written once. A trigger refuses updates, so a run can only be re-computed and compared.
 */
export const piiRuns = pgTable(
  'pii_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => piiEditions.id, { onDelete: 'restrict' }),
    dataYear: integer('data_year').notNull(),
    /** SHA-256 (hex) of the canonical inputs. */
    inputHash: text('input_hash').notNull(),
    /** Framework rows, configuration, unit table and uncertainty specification as computed. */
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    /** Every intermediate data set, treatment details, ranks, analysis and uncertainty. */
    outputs: jsonb('outputs').$type<Record<string, unknown>>().notNull(),
    unitCount: integer('unit_count').notNull(),
    indicatorCount: integer('indicator_count').notNull(),
    uncertaintyRuns: integer('uncertainty_runs').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pii_runs_edition_idx').on(t.editionId, t.createdAt)],
);

/** Results as officially published (with their sources), shown beside computed runs. */
export const piiPublishedResults = pgTable(
  'pii_published_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    provinceName: text('province_name').notNull(),
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    score: doublePrecision('score'),
    rank: integer('rank'),
    ofN: integer('of_n'),
    inputScore: doublePrecision('input_score'),
    outputScore: doublePrecision('output_score'),
    /** Pillar scores 1–7, null where not published. */
    pillars: jsonb('pillars').$type<(number | null)[]>().notNull(),
    notes: text('notes'),
    source: text('source').notNull(),
    /** Order in the reference file. */
    position: integer('position').notNull(),
  },
  (t) => [index('pii_published_year_idx').on(t.year, t.rank)],
);
