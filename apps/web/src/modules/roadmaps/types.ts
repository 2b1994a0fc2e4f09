import type { ProposalAnswer, ProposalCategory, RoadmapCriterion } from '@caunoi/shared';
import type { CoordinationUnit } from '../programmes/types';
import type { EngagementSummary } from '../proposals/types';

export type Weights = Record<RoadmapCriterion, number>;

export interface PlanIssue {
  itemId: string | null;
  code: string;
  message: string;
}

export interface LastPlan {
  status: 'optimal' | 'feasible';
  objective: number;
  solveMs: number;
  greedy: {
    status: 'optimal' | 'feasible' | 'infeasible';
    objective: number | null;
    solveMs: number;
  };
  gapPercent: number | null;
  plannedCount: number;
  plannedCost: number;
  issues: PlanIssue[];
  years: Array<{ year: number; envelope: number; cost: number; greedyCost: number | null }>;
  greedySchedule: Record<string, number | null>;
  inputHash: string;
}

export interface RoadmapItem {
  id: string;
  proposalId: string;
  proposalTitle: string;
  proposalCategory: ProposalCategory;
  proposalAnswer: ProposalAnswer | null;
  agreed: boolean;
  proposalEstimatedCost: number | null;
  scores: Weights;
  value: number;
  cost: number;
  durationYears: number;
  earliestStartYear: number | null;
  pinnedYear: number | null;
  excluded: boolean;
  plannedYear: number | null;
  dependsOn: string[];
}

export interface Roadmap {
  id: string;
  unit: CoordinationUnit;
  title: string;
  startYear: number;
  endYear: number;
  itemCount: number;
  plannedCount: number;
  plannedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoadmapDetail extends Roadmap {
  engagement: EngagementSummary | null;
  weights: Weights;
  envelopes: Array<{ year: number; amount: number }>;
  items: RoadmapItem[];
  lastPlan: LastPlan | null;
  planStale: boolean;
  canEdit: boolean;
}

export interface RoadmapInput {
  unitId: string;
  title: string;
  startYear: number;
  endYear: number;
  engagementId?: string | null;
  weights?: Weights;
}

export type ItemPatch = Partial<
  Pick<
    RoadmapItem,
    'scores' | 'cost' | 'durationYears' | 'earliestStartYear' | 'pinnedYear' | 'excluded'
  >
>;
