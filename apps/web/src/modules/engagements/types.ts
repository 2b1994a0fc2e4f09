import type {
  EngagementKind,
  ParticipantSide,
  ProposalAnswer,
  ProposalCategory,
} from '@caunoi/shared';
import type { CoordinationUnit } from '../programmes/types';

export interface Engagement {
  id: string;
  kind: EngagementKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  hostOrganisation: { id: string; nameVi: string } | null;
  programme: { id: string; title: string } | null;
  units: CoordinationUnit[];
  summary: string | null;
  notes: string | null;
  participantCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Participant {
  id: string;
  engagementId: string;
  personId: string;
  personName: string;
  organisationId: string | null;
  organisationName: string | null;
  title: string;
  side: ParticipantSide;
  sortOrder: number;
}

export interface Directive {
  id: string;
  engagementId: string;
  number: number;
  text: string;
  issuedByPersonId: string | null;
  issuedByName: string | null;
  taskCount: number;
}

export interface ConclusionNotice {
  id: string;
  engagementId: string | null;
  documentNumber: string;
  issuedOn: string;
  issuingOrganisation: { id: string; nameVi: string } | null;
  signerPersonId: string | null;
  signerName: string | null;
  signerText: string | null;
  summary: string | null;
  taskCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface EngagementDetail extends Engagement {
  participants: Participant[];
  directives: Directive[];
  conclusionNotices: ConclusionNotice[];
  proposals: Array<{
    id: string;
    title: string;
    category: ProposalCategory;
    answer: ProposalAnswer | null;
    unit: CoordinationUnit;
  }>;
  attachmentCount: number;
  canEdit: boolean;
  canManage: boolean;
}

export interface EngagementInput {
  kind: EngagementKind;
  title: string;
  startsOn: string;
  endsOn?: string | null;
  place?: string | null;
  hostOrganisationId?: string | null;
  programmeId?: string | null;
  summary?: string | null;
  notes?: string | null;
  unitIds: string[];
}

export interface ParticipantInput {
  personId: string;
  title?: string | null;
  organisationId?: string | null;
  side?: ParticipantSide;
  sortOrder?: number;
}

export interface DirectiveInput {
  text: string;
  issuedByPersonId?: string | null;
  number?: number;
}

export interface NoticeInput {
  documentNumber: string;
  issuedOn: string;
  issuingOrganisationId?: string | null;
  signerPersonId?: string | null;
  signerText?: string | null;
  summary?: string | null;
}
