import type { ProposalAnswer } from '@caunoi/shared';
import type { Engagement } from '../engagements/types';
import type {
  CoordinationUnit,
  ExpiringProgrammes,
  Programme,
  ProgrammesByProvince,
} from '../programmes/types';
import type { Proposal } from '../proposals/types';
import type { Roadmap } from '../roadmaps/types';
import type { LeagueRow, TaskSummary } from '../tasks/types';

/** Shape of `GET /dashboard` (mirroring the server's schema). */

export interface TaskCounts {
  total: number;
  open: number;
  withinDeadline: number;
  overdue: number;
  dueSoon: number;
  done: number;
  onTime: number;
  late: number;
  pendingExtensions: number;
  openExplanations: number;
}

export type TaskFocus = 'all' | 'province' | 'organisation';

export interface RoadmapSummary extends Roadmap {
  roadmapCount: number;
  envelopeTotal: number;
  plannedCost: number | null;
  plannedValue: number | null;
  planStale: boolean;
  years: Array<{ year: number; envelope: number; plannedCost: number | null; itemCount: number }>;
}

export interface Dashboard {
  today: string;
  dueSoonDays: number;
  view: 'ministry' | 'province';
  unit: CoordinationUnit | null;
  tasks: {
    focus: TaskFocus;
    organisations: Array<{ id: string; nameVi: string }>;
    counts: TaskCounts;
    overdue: TaskSummary[];
    open: TaskSummary[];
    byLead: { organisations: LeagueRow[]; provinces: LeagueRow[] } | null;
  };
  programmes: {
    total: number;
    inForce: number;
    latest: Programme[] | null;
    expiring: ExpiringProgrammes;
    byProvince: ProgrammesByProvince | null;
  };
  engagements: Engagement[];
  proposals: {
    total: number;
    byAnswer: Record<ProposalAnswer | 'pending', number>;
    latest: Proposal[];
  };
  roadmap: RoadmapSummary | null;
}
