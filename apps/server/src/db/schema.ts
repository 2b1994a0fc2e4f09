import { sql } from 'drizzle-orm';
import type { LineageRelation, OrganisationKind, Role, ScopeKind, UnitType } from '@caunoi/shared';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
