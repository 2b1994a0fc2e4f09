import { unitRef, type CoordinationEnv } from './lineage.js';
import type { ContentView, PartyView } from './programmes.repo.js';
import {
  derivedStatus,
  endsOn,
  type ProgrammeDetail,
  type ProgrammeSummary,
} from './programmes.service.js';

function presentParty(env: CoordinationEnv, p: PartyView, signedOn: string | null) {
  return {
    id: p.id,
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    organisationKind: p.organisationKind,
    side: p.side,
    unit: p.unitId ? unitRef(env, p.unitId, signedOn) : null,
    signatoryPersonId: p.signatoryPersonId,
    signatoryName: p.signatoryName,
  };
}

export function presentProgramme(env: CoordinationEnv, s: ProgrammeSummary) {
  const p = s.programme;
  return {
    id: p.id,
    title: p.title,
    documentNumber: p.documentNumber,
    signedOn: p.signedOn,
    periodStartYear: p.periodStartYear,
    periodEndYear: p.periodEndYear,
    horizonYear: p.horizonYear,
    status: derivedStatus(p, env.today),
    storedStatus: p.status,
    endsOn: endsOn(p),
    supersededBy:
      p.supersededById && p.supersededByTitle
        ? { id: p.supersededById, title: p.supersededByTitle }
        : null,
    summary: p.summary,
    notes: p.notes,
    parties: s.parties.map((party) => presentParty(env, party, p.signedOn)),
    contentCount: s.progress.contentCount,
    taskCount: s.progress.taskCount,
    progress: s.progress.progress,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentContent(c: ContentView) {
  return {
    id: c.id,
    programmeId: c.programmeId,
    number: c.number,
    title: c.title,
    description: c.description,
    taskCount: c.taskCount,
    completedCount: c.completedCount,
    progress: c.progress,
  };
}

export function presentProgrammeDetail(env: CoordinationEnv, d: ProgrammeDetail) {
  return {
    ...presentProgramme(env, d),
    contents: d.contents.map(presentContent),
    supersedes: d.supersedes,
    engagements: d.engagements,
    attachmentCount: d.attachmentCount,
    canEdit: d.canEdit,
  };
}
