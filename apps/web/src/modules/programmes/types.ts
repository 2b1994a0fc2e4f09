import type {
  EngagementKind,
  OrganisationKind,
  ProgrammeStatus,
  STORED_PROGRAMME_STATUSES,
} from '@caunoi/shared';

/** A province next to a coordination record; a former one with the units that cover it today. */
export interface CoordinationUnit {
  id: string;
  code: string;
  nameVi: string;
  validToday: boolean;
  successors: Array<{ id: string; code: string; nameVi: string }>;
}

export type StoredProgrammeStatus = (typeof STORED_PROGRAMME_STATUSES)[number];

export interface ProgrammeParty {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  side: 'ministry' | 'province';
  unit: CoordinationUnit | null;
  signatoryPersonId: string | null;
  signatoryName: string | null;
}

export interface Programme {
  id: string;
  title: string;
  documentNumber: string | null;
  signedOn: string | null;
  periodStartYear: number;
  periodEndYear: number;
  horizonYear: number | null;
  status: ProgrammeStatus;
  storedStatus: StoredProgrammeStatus;
  endsOn: string;
  supersededBy: { id: string; title: string } | null;
  summary: string | null;
  notes: string | null;
  parties: ProgrammeParty[];
  contentCount: number;
  taskCount: number;
  progress: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeContent {
  id: string;
  programmeId: string;
  number: number;
  title: string;
  description: string | null;
  taskCount: number;
  completedCount: number;
  progress: number | null;
}

export interface ProgrammeDetail extends Programme {
  contents: ProgrammeContent[];
  supersedes: Array<{ id: string; title: string }>;
  engagements: Array<{ id: string; title: string; kind: EngagementKind; startsOn: string }>;
  attachmentCount: number;
  canEdit: boolean;
}

export interface ProgrammeInput {
  title: string;
  documentNumber?: string | null;
  signedOn?: string | null;
  periodStartYear: number;
  periodEndYear: number;
  horizonYear?: number | null;
  status: StoredProgrammeStatus;
  supersededById?: string | null;
  summary?: string | null;
  notes?: string | null;
  parties: Array<{ organisationId: string; signatoryPersonId?: string | null }>;
}

export interface ContentInput {
  title: string;
  description?: string | null;
  number?: number;
}

export interface ExpiringProgrammes {
  asOf: string;
  withinDays: number;
  items: Array<Programme & { daysLeft: number }>;
}

export interface ProgrammesByProvince {
  asOf: string;
  units: Array<{
    unitId: string;
    code: string;
    nameVi: string;
    total: number;
    counts: Record<ProgrammeStatus, number>;
  }>;
}
