import type {
  LineageRelation,
  Locale,
  OrganisationKind,
  Role,
  ScopeKind,
  UnitType,
} from '@caunoi/shared';

/** Shapes of the API responses (mirroring the server's schemas). */

export type Channel = 'web' | 'api' | 'cli' | 'system';

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface RoleAssignment {
  id: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeUnitId: string | null;
  scopeOrganisationId: string | null;
  unit: {
    id: string;
    code: string;
    nameVi: string;
    validFrom: string;
    validTo: string | null;
    validToday: boolean;
  } | null;
  organisationName: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string | null;
  organisationName: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  preferences: { locale: Locale };
  createdAt: string;
  updatedAt: string;
  assignments: RoleAssignment[];
}

export interface Me {
  user: User;
  csrfToken: string | null;
  channel: Channel;
}

export interface ApiToken {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface UnitRef {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  effectiveDate: string;
  relation: LineageRelation;
  weight: number;
}

export interface UnitSnapshot {
  id: string;
  code: string;
  asOf: string;
  nameVi: string;
  fullNameVi: string;
  nameEn: string;
  nameAscii: string;
  type: UnitType;
  regionVi: string;
  regionEn: string;
  regionVerified: boolean;
  validFrom: string;
  validTo: string | null;
  /** The unit existed before the data begins: validFrom is the data's first day. */
  startsBeforeData: boolean;
}

export interface Unit extends UnitSnapshot {
  predecessors: UnitRef[];
  successors: UnitRef[];
}

export interface UnitNameVersion {
  validFrom: string;
  validTo: string | null;
  nameVi: string;
  fullNameVi: string;
  nameEn: string;
  type: UnitType;
  legalBasis: string | null;
  startsBeforeData: boolean;
}

export interface UnitDetail extends Unit {
  seat: string | null;
  names: UnitNameVersion[];
}

export interface LineageLink {
  unit: UnitSnapshot;
  effectiveDate: string;
  relation: LineageRelation;
  weight: number;
  legalBasis: string | null;
}

export interface UnitLineage {
  unit: UnitSnapshot;
  predecessors: LineageLink[];
  successors: LineageLink[];
}

export interface UnitList {
  asOf: string;
  count: number;
  items: Unit[];
}

export interface Organisation {
  id: string;
  code: string | null;
  kind: OrganisationKind;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  parentId: string | null;
  parentName: string | null;
  unitId: string | null;
  unit: { id: string; code: string; nameVi: string } | null;
  validFrom: string | null;
  validTo: string | null;
  address: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganisationPosition {
  id: string;
  personId: string;
  personName: string;
  title: string;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}

export interface OrganisationDetail extends Organisation {
  children: Array<{ id: string; nameVi: string; kind: OrganisationKind }>;
  positions: OrganisationPosition[];
  canEdit: boolean;
}

export interface OrganisationInput {
  kind: OrganisationKind;
  nameVi: string;
  nameEn?: string | null;
  shortName?: string | null;
  code?: string | null;
  parentId?: string | null;
  unitId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
}

export interface Position {
  id: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  title: string;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}

export interface Person {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  positions: Position[];
}

export interface PersonDetail extends Person {
  asOf: string | null;
  positionsOn: Position[];
  canEdit: boolean;
}

export interface PersonInput {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
}

export interface PositionInput {
  organisationId: string;
  title: string;
  validFrom?: string | null;
  validTo?: string | null;
  source?: string | null;
}

export interface AssignmentInput {
  role: Role;
  scopeUnitId?: string | null;
  scopeOrganisationId?: string | null;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  mustChangePassword: boolean;
  organisationId?: string | null;
  assignments: AssignmentInput[];
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  organisationId?: string | null;
  isActive?: boolean;
}

export interface RescopeCandidate {
  assignment: RoleAssignment;
  user: { id: string; username: string; displayName: string };
  successors: Array<{ id: string; code: string; nameVi: string; weight: number }>;
}

export interface AuditEntry {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string;
  channel: Channel;
  entityType: string;
  entityId: string;
  /** Readable name of the record (current, or as recorded when deleted). */
  entityLabel: string | null;
  action: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export type AttachmentPurpose = 'signed_document' | 'evidence' | 'minutes' | 'output' | 'other';

export interface Attachment {
  id: string;
  entityType: string;
  entityId: string;
  purpose: AttachmentPurpose;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}
