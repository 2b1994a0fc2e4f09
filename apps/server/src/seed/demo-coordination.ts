import type { WriteScope } from '../core/context.js';
import {
  directives,
  engagementParticipants,
  engagements,
  engagementUnits,
  people,
  programmeContents,
  programmeParties,
  programmes,
  proposals,
  proposalUnits,
  taskCooperators,
  tasks,
} from '../db/schema.js';
import {
  EXTRA_PEOPLE,
  SOURCE_ENGAGEMENTS,
  SOURCE_PROGRAMMES,
  type DemoTask,
} from './demo-coordination-data.js';
import { Lookup } from './lookup.js';

export interface CoordinationSeedResult {
  programmes: number;
  engagements: number;
  proposals: number;
  tasks: number;
}

async function insertTasks(
  { tx, audit }: WriteScope,
  lookup: Lookup,
  list: DemoTask[],
  source: Pick<
    typeof tasks.$inferInsert,
    'sourceKind' | 'directiveId' | 'conclusionNoticeId' | 'programmeContentId' | 'proposalId'
  >,
  assignedOn: string,
): Promise<number> {
  const ministry = await lookup.org('BKHCN');
  for (const t of list) {
    const lead = await lookup.org(t.leadCode);
    const [task] = await tx
      .insert(tasks)
      .values({
        ...source,
        number: t.number,
        title: t.title,
        description: t.description ?? null,
        leadOrganisationId: lead.id,
        leadUnitId: lead.unitId,
        assignedByOrganisationId: ministry.id,
        assignedOn,
        deadline: t.deadline ?? null,
        originalDeadline: t.deadline ?? null,
        recurrence: t.recurrence ?? null,
        recurrenceEndsOn: t.recurrenceEndsOn ?? null,
        expectedProduct: t.expectedProduct ?? null,
        priority: t.priority ?? 'normal',
      })
      .returning();
    for (const code of t.cooperatorCodes ?? []) {
      const co = await lookup.org(code);
      await tx
        .insert(taskCooperators)
        .values({ taskId: task!.id, organisationId: co.id, unitId: co.unitId });
    }
    await audit({ entityType: 'task', entityId: task!.id, action: 'create', after: task });
  }
  return list.length;
}

/**
 * Loads the programmes, engagements, directives, proposals and tasks the source articles state.
 * Runs inside the demo seed's transaction, after the directory (organisations, people).
 */
export async function seedSourceCoordination(scope: WriteScope): Promise<CoordinationSeedResult> {
  const { tx, audit } = scope;
  const lookup = new Lookup(tx);
  let taskCount = 0;
  let proposalCount = 0;

  for (const name of EXTRA_PEOPLE) {
    const [person] = await tx.insert(people).values({ fullName: name }).returning();
    await audit({ entityType: 'person', entityId: person!.id, action: 'create', after: person });
  }

  const programmeIds = new Map<string, string>();
  for (const p of SOURCE_PROGRAMMES) {
    const [programme] = await tx
      .insert(programmes)
      .values({
        title: p.title,
        documentNumber: p.documentNumber,
        signedOn: p.signedOn,
        periodStartYear: p.periodStartYear,
        periodEndYear: p.periodEndYear,
        horizonYear: p.horizonYear,
        status: 'in_force',
        summary: p.summary,
        notes: p.notes ?? null,
      })
      .returning();
    programmeIds.set(p.key, programme!.id);
    for (const party of p.parties) {
      const org = await lookup.org(party.code);
      await tx.insert(programmeParties).values({
        programmeId: programme!.id,
        organisationId: org.id,
        unitId: party.unitId ?? null,
        side: party.side,
        signatoryPersonId: party.signatory ? await lookup.person(party.signatory) : null,
      });
    }
    for (const [i, c] of p.contents.entries()) {
      const [content] = await tx
        .insert(programmeContents)
        .values({
          programmeId: programme!.id,
          number: i + 1,
          title: c.title,
          description: c.description ?? null,
        })
        .returning();
      taskCount += await insertTasks(
        scope,
        lookup,
        c.tasks ?? [],
        { sourceKind: 'programme_content', programmeContentId: content!.id },
        p.signedOn,
      );
    }
    await audit({
      entityType: 'programme',
      entityId: programme!.id,
      action: 'create',
      after: programme,
    });
  }

  for (const e of SOURCE_ENGAGEMENTS) {
    const host = e.hostCode ? await lookup.org(e.hostCode) : null;
    const [engagement] = await tx
      .insert(engagements)
      .values({
        kind: e.kind,
        title: e.title,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        place: e.place,
        hostOrganisationId: host?.id ?? null,
        programmeId: e.programmeKey ? (programmeIds.get(e.programmeKey) ?? null) : null,
        summary: e.summary,
        notes: e.notes ?? null,
      })
      .returning();
    const id = engagement!.id;
    for (const unitId of e.unitIds)
      await tx.insert(engagementUnits).values({ engagementId: id, unitId });
    for (const [order, p] of e.participants.entries()) {
      const personId = await lookup.person(p.person);
      const held = p.title ? undefined : await lookup.positionOn(personId, e.startsOn);
      await tx.insert(engagementParticipants).values({
        engagementId: id,
        personId,
        organisationId: p.organisationCode
          ? (await lookup.org(p.organisationCode)).id
          : (held?.organisationId ?? null),
        title: p.title ?? held?.title ?? '',
        side: p.side,
        sortOrder: order,
      });
    }
    for (const d of e.directives ?? []) {
      const [directive] = await tx
        .insert(directives)
        .values({
          engagementId: id,
          number: d.number,
          text: d.text,
          issuedByPersonId: d.by ? await lookup.person(d.by) : null,
        })
        .returning();
      taskCount += await insertTasks(
        scope,
        lookup,
        d.tasks ?? [],
        { sourceKind: 'directive', directiveId: directive!.id },
        e.startsOn,
      );
    }
    const ministry = await lookup.org('BKHCN');
    for (const p of e.proposals ?? []) {
      const [proposal] = await tx
        .insert(proposals)
        .values({
          unitId: e.unitIds[0]!,
          engagementId: id,
          title: p.title,
          content: p.content,
          category: p.category,
          estimatedCost: p.estimatedCost === undefined ? null : String(p.estimatedCost),
          fundingSource: p.fundingSource ?? null,
          answer: p.answer ?? null,
          answerReason: p.answerReason ?? null,
          answeredOn: p.answer ? e.startsOn : null,
          answeredByOrganisationId: p.answer ? ministry.id : null,
        })
        .returning();
      for (const code of p.assignedUnits ?? []) {
        await tx
          .insert(proposalUnits)
          .values({ proposalId: proposal!.id, organisationId: (await lookup.org(code)).id });
      }
      await audit({
        entityType: 'proposal',
        entityId: proposal!.id,
        action: 'create',
        after: proposal,
      });
      proposalCount++;
    }
    await audit({ entityType: 'engagement', entityId: id, action: 'create', after: engagement });
  }

  return {
    programmes: SOURCE_PROGRAMMES.length,
    engagements: SOURCE_ENGAGEMENTS.length,
    proposals: proposalCount,
    tasks: taskCount,
  };
}
