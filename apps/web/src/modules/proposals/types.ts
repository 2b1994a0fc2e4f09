import type { EngagementKind, ProposalAnswer, ProposalCategory } from '@caunoi/shared';
import type { CoordinationUnit } from '../programmes/types';

export interface EngagementSummary {
  id: string;
  title: string;
  kind: EngagementKind;
  startsOn: string;
  endsOn: string;
}

export interface OrganisationRef {
  id: string;
  nameVi: string;
  shortName: string | null;
}

export interface Proposal {
  id: string;
  unit: CoordinationUnit;
  title: string;
  category: ProposalCategory;
  /** Million VND. */
  estimatedCost: number | null;
  fundingSource: string | null;
  engagement: EngagementSummary | null;
  answer: ProposalAnswer | null;
  answeredOn: string | null;
  assignedUnits: OrganisationRef[];
  taskCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalDetail extends Proposal {
  content: string | null;
  answerReason: string | null;
  answeredBy: OrganisationRef | null;
  tasks: Array<{
    id: string;
    number: string | null;
    title: string;
    deadline: string | null;
    completedOn: string | null;
  }>;
  roadmaps: Array<{ id: string; title: string }>;
  canEdit: boolean;
  canAttach: boolean;
  canAnswer: boolean;
}

export interface ProposalInput {
  unitId: string;
  title: string;
  category: ProposalCategory;
  content?: string | null;
  estimatedCost?: number | null;
  fundingSource?: string | null;
  engagementId?: string | null;
}

export interface AnswerInput {
  answer: ProposalAnswer;
  answerReason?: string | null;
  answeredOn?: string;
  answeredByOrganisationId?: string | null;
}

/** `pending` = not answered yet. */
export type AnswerFilter = ProposalAnswer | 'pending';
