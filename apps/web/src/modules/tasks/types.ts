import type {
  CompletionFacet,
  Recurrence,
  RequestStatus,
  TaskPriority,
  TaskSourceKind,
  TimelinessFacet,
} from '@caunoi/shared';

/** Shapes of the tasks API (mirroring the server's schemas). */

export interface Facets {
  completion: CompletionFacet;
  timeliness: TimelinessFacet;
  dueSoon: boolean;
  /** Days past the due date (while overdue, or when done late). */
  daysLate: number;
}

export interface CoordinationUnitRef {
  id: string;
  code: string;
  nameVi: string;
  validToday: boolean;
  successors: Array<{ id: string; code: string; nameVi: string }>;
}

export interface TaskOrganisation {
  id: string;
  nameVi: string;
  unit: CoordinationUnitRef | null;
}

export interface TaskSource {
  kind: TaskSourceKind;
  id: string;
  label: string;
  path: string | null;
}

export interface TaskSummary extends Facets {
  id: string;
  number: string | null;
  title: string;
  source: TaskSource;
  leadOrganisation: TaskOrganisation;
  cooperators: TaskOrganisation[];
  assignedOn: string;
  deadline: string | null;
  originalDeadline: string | null;
  recurrence: Recurrence | null;
  recurrenceEndsOn: string | null;
  dueOn: string | null;
  priority: TaskPriority;
  completedOn: string | null;
  latestPercent: number | null;
  pendingExtension: boolean;
  openExplanations: number;
}

export interface UserRef {
  id: string;
  displayName: string;
}

export interface TaskReport {
  id: string;
  reportedOn: string;
  cycle: string | null;
  narrative: string;
  percent: number | null;
  difficulties: string | null;
  requests: string | null;
  reportedBy: UserRef | null;
  createdAt: string;
}

export interface TaskExtension {
  id: string;
  taskId: string;
  previousDeadline: string;
  requestedDeadline: string;
  reason: string;
  status: RequestStatus;
  requestedBy: UserRef | null;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface TaskExplanation {
  id: string;
  taskId: string;
  requestText: string;
  answerDueOn: string | null;
  requestedBy: UserRef | null;
  requestedAt: string;
  answerText: string | null;
  answeredBy: UserRef | null;
  answeredAt: string | null;
}

export interface Obligation extends Facets {
  cycle: string | null;
  startsOn: string;
  dueOn: string;
  closedOn: string | null;
}

export type TaskAbility =
  | 'edit'
  | 'delete'
  | 'report'
  | 'complete'
  | 'reopen'
  | 'requestExtension'
  | 'decideExtension'
  | 'requestExplanation'
  | 'answerExplanation'
  | 'attach';

export interface TaskDetail extends TaskSummary {
  description: string | null;
  expectedProduct: string | null;
  assignedBy: { id: string; nameVi: string };
  completionOutput: string | null;
  doneOn: string | null;
  obligations: Obligation[];
  reports: TaskReport[];
  extensions: TaskExtension[];
  explanations: TaskExplanation[];
  createdAt: string;
  updatedAt: string;
  can: Record<TaskAbility, boolean>;
}

/** One task as the forms send it (POST /tasks, each row of POST /tasks/batch, PATCH). */
export interface TaskInput {
  number?: string | null;
  title: string;
  description?: string | null;
  leadOrganisationId: string;
  cooperatorOrganisationIds: string[];
  deadline: string | null;
  recurrence: Recurrence | null;
  recurrenceEndsOn: string | null;
  expectedProduct?: string | null;
  priority: TaskPriority;
}

export interface TaskFilters {
  q?: string;
  sourceKind?: TaskSourceKind;
  sourceId?: string;
  leadOrganisationId?: string;
  leadUnitId?: string;
  completion?: CompletionFacet;
  timeliness?: TimelinessFacet;
  dueSoon?: boolean;
  hasPendingExtension?: boolean;
  hasOpenExplanation?: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  priority?: TaskPriority;
  sort?: 'deadline' | '-deadline' | 'assignedOn' | '-assignedOn';
  page?: number;
  pageSize?: number;
}

export type LeagueGroup = 'organisation' | 'province';

export interface LeagueCounts {
  doneOnTime: number;
  doneLate: number;
  openWithinDeadline: number;
  openOverdue: number;
  dueSoon: number;
  total: number;
  onTimeRate: number | null;
}

export interface LeagueRow extends LeagueCounts {
  rank: number;
  key: string;
  name: string;
  organisationId: string | null;
  unit: { id: string; nameVi: string } | null;
}

export interface League {
  meta: {
    groupBy: LeagueGroup;
    from: string | null;
    to: string | null;
    sourceKind: TaskSourceKind | null;
    today: string;
    dueSoonDays: number;
    formula: string;
    notes: string[];
  };
  rows: LeagueRow[];
  totals: LeagueCounts;
}

export interface LeagueFilters {
  groupBy: LeagueGroup;
  from?: string;
  to?: string;
  sourceKind?: TaskSourceKind;
}
