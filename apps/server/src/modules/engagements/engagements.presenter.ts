import { unitRef, type CoordinationEnv } from '../programmes/lineage.js';
import type { DirectiveView, NoticeView, ParticipantView } from './engagements.repo.js';
import type { EngagementDetail, EngagementSummary, NoticeDetail } from './engagements.service.js';

export function presentEngagement(env: CoordinationEnv, s: EngagementSummary) {
  const e = s.engagement;
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: e.place,
    hostOrganisation:
      e.hostOrganisationId && e.hostName ? { id: e.hostOrganisationId, nameVi: e.hostName } : null,
    programme:
      e.programmeId && e.programmeTitle ? { id: e.programmeId, title: e.programmeTitle } : null,
    units: s.unitIds.map((id) => unitRef(env, id, e.startsOn)),
    summary: e.summary,
    notes: e.notes,
    participantCount: e.participantCount,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentParticipant(p: ParticipantView) {
  return {
    id: p.id,
    engagementId: p.engagementId,
    personId: p.personId,
    personName: p.personName,
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    title: p.title,
    side: p.side,
    sortOrder: p.sortOrder,
  };
}

export function presentDirective(d: DirectiveView) {
  return {
    id: d.id,
    engagementId: d.engagementId,
    number: d.number,
    text: d.text,
    issuedByPersonId: d.issuedByPersonId,
    issuedByName: d.issuedByName,
    taskCount: d.taskCount,
  };
}

export function presentNotice(n: NoticeView) {
  return {
    id: n.id,
    engagementId: n.engagementId,
    documentNumber: n.documentNumber,
    issuedOn: n.issuedOn,
    issuingOrganisation:
      n.issuingOrganisationId && n.issuingOrganisationName
        ? { id: n.issuingOrganisationId, nameVi: n.issuingOrganisationName }
        : null,
    signerPersonId: n.signerPersonId,
    signerName: n.signerName,
    signerText: n.signerText,
    summary: n.summary,
    taskCount: n.taskCount,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function presentNoticeDetail(d: NoticeDetail) {
  const e = d.engagement;
  return {
    ...presentNotice(d.notice),
    engagement: e ? { id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn } : null,
    attachmentCount: d.attachmentCount,
    canEdit: d.canEdit,
  };
}

export function presentEngagementDetail(env: CoordinationEnv, d: EngagementDetail) {
  return {
    ...presentEngagement(env, d),
    participants: d.participants.map(presentParticipant),
    directives: d.directives.map(presentDirective),
    conclusionNotices: d.notices.map(presentNotice),
    proposals: d.proposals.map((p) => ({
      id: p.id,
      title: p.title,
      category: p.category,
      answer: p.answer,
      unit: unitRef(env, p.unitId),
    })),
    attachmentCount: d.attachmentCount,
    canEdit: d.canEdit,
    canManage: d.canManage,
  };
}
