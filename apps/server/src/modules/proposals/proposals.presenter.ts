import { unitRef, type CoordinationEnv } from '../programmes/lineage.js';
import type { ProposalDetail, ProposalSummary } from './proposals.service.js';

const amountOf = (v: string | null) => (v === null ? null : Number(v));

export function presentProposal(env: CoordinationEnv, s: ProposalSummary) {
  const p = s.proposal;
  return {
    id: p.id,
    unit: unitRef(env, p.unitId),
    title: p.title,
    category: p.category,
    estimatedCost: amountOf(p.estimatedCost),
    fundingSource: p.fundingSource,
    engagement: p.engagement,
    answer: p.answer,
    answeredOn: p.answeredOn,
    assignedUnits: s.assignedUnits.map((u) => ({
      id: u.id,
      nameVi: u.nameVi,
      shortName: u.shortName,
    })),
    taskCount: s.taskCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentProposalDetail(env: CoordinationEnv, d: ProposalDetail) {
  return {
    ...presentProposal(env, d),
    content: d.proposal.content,
    answerReason: d.proposal.answerReason,
    answeredBy: d.answeredBy,
    tasks: d.tasks,
    roadmaps: d.roadmaps,
    canEdit: d.canEdit,
    canAttach: d.canAttach,
    canAnswer: d.canAnswer,
  };
}
