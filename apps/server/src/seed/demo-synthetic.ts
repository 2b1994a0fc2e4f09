import {
  addDays,
  DEFAULT_ROADMAP_WEIGHTS,
  type ProposalCategory,
  type Recurrence,
} from '@caunoi/shared';
import type { WriteScope } from '../core/context.js';
import {
  conclusionNotices,
  directives,
  engagementParticipants,
  engagements,
  engagementUnits,
  programmeContents,
  programmeParties,
  programmes,
  proposals,
  proposalUnits,
  roadmapDependencies,
  roadmapEnvelopes,
  roadmapItems,
  roadmaps,
  taskCooperators,
  taskExplanations,
  taskExtensions,
  taskReports,
  tasks,
} from '../db/schema.js';
import * as roadmapRepo from '../modules/roadmaps/roadmaps.repo.js';
import { loadPlanData } from '../modules/roadmaps/roadmaps.service.js';
import { preparePlan, runPlan } from '../modules/roadmaps/roadmaps.plan.js';
import { cycleOf } from '../modules/tasks/facets.js';
import { Lookup } from './lookup.js';

/**
 * Synthetic records, clearly labelled "[Minh họa]", so that every view has enough to show: dates
 * are placed around the day the demo data is loaded (tasks coming due, overdue, done on time or
 * late, a pending extension, an explanation request, periodic reports, a planned roadmap).
 */
export const DEMO_LABEL = '[Minh họa]';
const NOTE =
  'Dữ liệu minh họa (tổng hợp) để trình diễn các chức năng; không phải văn bản, sự kiện hay số liệu có thật.';

interface SyntheticTask {
  number: string;
  title: string;
  lead: string;
  cooperators?: string[];
  /** Days from the load day to the deadline (one-off tasks). */
  due?: number;
  recurrence?: Recurrence;
  /** Days from the load day to the completion, when done. */
  done?: number;
  /** Reports: [days from the load day, narrative, percent]; a quarterly task's report names its quarter. */
  reports?: Array<[number, string, number | null]>;
  /** A pending request for a new deadline, days after the current one. */
  extensionRequestedBy?: number;
  /** An explanation request on an overdue task (answered or not). */
  explanation?: { requested: number; answered?: number };
  expectedProduct?: string;
  priority?: 'high' | 'normal' | 'low';
}

export async function seedSynthetic(
  scope: WriteScope,
  today: string,
): Promise<{ programmes: number; engagements: number; proposals: number; tasks: number }> {
  const { tx, audit } = scope;
  const keys = new Lookup(tx);
  const ministry = await keys.org('BKHCN');
  const year = Number(today.slice(0, 4));
  const day = (offset: number) => addDays(today, offset);
  let taskCount = 0;

  const addTasks = async (
    source: Pick<
      typeof tasks.$inferInsert,
      'sourceKind' | 'conclusionNoticeId' | 'directiveId' | 'programmeContentId'
    >,
    assignedOn: string,
    list: SyntheticTask[],
  ) => {
    for (const t of list) {
      const lead = await keys.org(t.lead);
      const deadline = t.due === undefined ? null : day(t.due);
      const [task] = await tx
        .insert(tasks)
        .values({
          ...source,
          number: t.number,
          title: t.title,
          description: `Nhiệm vụ minh họa. ${NOTE}`,
          leadOrganisationId: lead.id,
          leadUnitId: lead.unitId,
          assignedByOrganisationId: ministry.id,
          assignedOn,
          deadline,
          originalDeadline: deadline,
          recurrence: t.recurrence ?? null,
          expectedProduct: t.expectedProduct ?? null,
          priority: t.priority ?? 'normal',
          completedOn: t.done === undefined ? null : day(t.done),
          completionOutput: t.done === undefined ? null : 'Báo cáo kết quả thực hiện (minh họa)',
        })
        .returning();
      const id = task!.id;
      for (const code of t.cooperators ?? []) {
        const co = await keys.org(code);
        await tx
          .insert(taskCooperators)
          .values({ taskId: id, organisationId: co.id, unitId: co.unitId });
      }
      for (const [offset, narrative, percent] of t.reports ?? []) {
        const reportedOn = day(offset);
        await tx.insert(taskReports).values({
          taskId: id,
          reportedOn,
          cycle: t.recurrence === 'quarterly' ? cycleOf(day(offset - 20), 'quarterly').code : null,
          narrative,
          percent,
        });
      }
      if (t.extensionRequestedBy !== undefined && deadline) {
        await tx.insert(taskExtensions).values({
          taskId: id,
          previousDeadline: deadline,
          requestedDeadline: addDays(deadline, t.extensionRequestedBy),
          reason: 'Cần thêm thời gian lấy ý kiến các sở, ngành liên quan (minh họa).',
          requestedAt: new Date(`${day(-2)}T09:00:00+07:00`),
        });
      }
      if (t.explanation) {
        await tx.insert(taskExplanations).values({
          taskId: id,
          requestText:
            'Đề nghị giải trình lý do chậm tiến độ và đề xuất giải pháp khắc phục (minh họa).',
          answerDueOn: day(t.explanation.requested + 7),
          requestedAt: new Date(`${day(t.explanation.requested)}T10:00:00+07:00`),
          answerText:
            t.explanation.answered === undefined
              ? null
              : 'Do chờ bố trí kinh phí; Sở sẽ hoàn thành trong tháng tới (minh họa).',
          answeredAt:
            t.explanation.answered === undefined
              ? null
              : new Date(`${day(t.explanation.answered)}T15:00:00+07:00`),
        });
      }
      await audit({ entityType: 'task', entityId: id, action: 'create', after: task });
      taskCount++;
    }
  };

  /* Programmes. */
  const programmeDefs: Array<{
    title: string;
    parties: Array<[string, 'ministry' | 'province', string | null]>;
    start: number;
    end: number;
    horizon: number;
    status: 'draft' | 'in_force' | 'superseded';
    contents: Array<{ title: string; tasks: SyntheticTask[] }>;
  }> = [
    {
      title: `${DEMO_LABEL} Chương trình phối hợp hoạt động KH,CN&ĐMST giữa Bộ KH&CN và UBND tỉnh Ninh Bình giai đoạn ${year}–${year + 4}`,
      parties: [
        ['BKHCN', 'ministry', null],
        ['UBND-37@2025-07-01', 'province', '37@2025-07-01'],
      ],
      start: year,
      end: year + 4,
      horizon: year + 9,
      status: 'in_force',
      contents: [
        {
          title:
            'Hỗ trợ xây dựng Ninh Bình thành trung tâm KH&CN về nông nghiệp của vùng Nam đồng bằng sông Hồng',
          tasks: [
            {
              number: '1.1',
              title: 'Xây dựng đề án trung tâm KH&CN nông nghiệp',
              lead: 'SKHCN-37@2025-07-01',
              cooperators: ['BKHCN.VU-PTDP'],
              due: 45,
              reports: [[-10, 'Đã hoàn thành dự thảo đề cương đề án.', 40]],
            },
            {
              number: '1.2',
              title: 'Báo cáo định kỳ kết quả thực hiện chương trình',
              lead: 'SKHCN-37@2025-07-01',
              recurrence: 'quarterly',
              reports: [[-60, 'Báo cáo quý trước đã gửi Bộ.', null]],
            },
          ],
        },
        {
          title: 'Thẩm định, đánh giá công nghệ các dự án đầu tư công nghệ cao',
          tasks: [
            {
              number: '2.1',
              title: 'Hướng dẫn quy trình thẩm định công nghệ cho cán bộ Sở',
              lead: 'BKHCN.VU-DTG',
              cooperators: ['SKHCN-37@2025-07-01'],
              due: -30,
              done: -35,
              reports: [[-36, 'Đã tổ chức 02 lớp tập huấn.', 100]],
            },
          ],
        },
        {
          title: 'Phát triển tài sản trí tuệ cho sản phẩm OCOP của tỉnh',
          tasks: [
            {
              number: '3.1',
              title: 'Hỗ trợ bảo hộ nhãn hiệu chứng nhận cho 03 sản phẩm chủ lực',
              lead: 'BKHCN.CUC-SHTT',
              cooperators: ['SKHCN-37@2025-07-01'],
              due: 120,
            },
          ],
        },
      ],
    },
    {
      title: `${DEMO_LABEL} Chương trình phối hợp giữa Bộ KH&CN và UBND thành phố Đà Nẵng giai đoạn ${year - 2}–${year}`,
      parties: [
        ['BKHCN', 'ministry', null],
        ['UBND-48@2025-07-01', 'province', '48@2025-07-01'],
      ],
      start: year - 2,
      end: year,
      horizon: year + 5,
      status: 'in_force',
      contents: [
        {
          title: 'Phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo',
          tasks: [
            {
              number: '1.1',
              title: 'Tổng kết hoạt động mạng lưới khởi nghiệp ĐMST thành phố',
              lead: 'SKHCN-48@2025-07-01',
              cooperators: ['BKHCN.CUC-DMST'],
              due: 20,
            },
          ],
        },
      ],
    },
    {
      title: `${DEMO_LABEL} Chương trình phối hợp giữa Cục Đổi mới sáng tạo và UBND Thành phố Hồ Chí Minh giai đoạn ${year - 1}–${year + 1}`,
      parties: [
        ['BKHCN.CUC-DMST', 'ministry', null],
        ['UBND-79@2025-07-01', 'province', '79@2025-07-01'],
      ],
      start: year - 1,
      end: year + 1,
      horizon: year + 5,
      status: 'in_force',
      contents: [
        {
          title: 'Thúc đẩy trung tâm đổi mới sáng tạo của thành phố',
          tasks: [
            {
              number: '1.1',
              title: 'Đánh giá hoạt động trung tâm ĐMST',
              lead: 'SKHCN-79@2025-07-01',
              due: -12,
              reports: [[-40, 'Đang tổng hợp số liệu.', 60]],
              explanation: { requested: -5, answered: -3 },
            },
          ],
        },
      ],
    },
    {
      title: `${DEMO_LABEL} Chương trình phối hợp giữa Bộ KH&CN và UBND tỉnh Lâm Đồng giai đoạn ${year + 1}–${year + 4}`,
      parties: [
        ['BKHCN', 'ministry', null],
        ['UBND-68@2025-07-01', 'province', '68@2025-07-01'],
      ],
      start: year + 1,
      end: year + 4,
      horizon: year + 9,
      status: 'draft',
      contents: [{ title: 'Ứng dụng công nghệ cao trong sản xuất nông nghiệp', tasks: [] }],
    },
  ];
  for (const def of programmeDefs) {
    const [programme] = await tx
      .insert(programmes)
      .values({
        title: def.title,
        documentNumber: null,
        signedOn: def.status === 'draft' ? null : `${def.start}-03-15`,
        periodStartYear: def.start,
        periodEndYear: def.end,
        horizonYear: def.horizon,
        status: def.status,
        summary: 'Chương trình minh họa.',
        notes: NOTE,
      })
      .returning();
    for (const [code, side, unitId] of def.parties) {
      await tx.insert(programmeParties).values({
        programmeId: programme!.id,
        organisationId: (await keys.org(code)).id,
        unitId,
        side,
      });
    }
    for (const [i, c] of def.contents.entries()) {
      const [content] = await tx
        .insert(programmeContents)
        .values({ programmeId: programme!.id, number: i + 1, title: c.title })
        .returning();
      await addTasks(
        { sourceKind: 'programme_content', programmeContentId: content!.id },
        def.status === 'draft'
          ? today
          : `${def.start}-03-15` > today
            ? today
            : `${def.start}-03-15`,
        c.tasks,
      );
    }
    await audit({
      entityType: 'programme',
      entityId: programme!.id,
      action: 'create',
      after: programme,
    });
  }

  /* Engagements with a conclusion notice and its tasks. */
  const engagementDefs: Array<{
    kind: 'working_session' | 'field_survey' | 'conference';
    title: string;
    daysAgo: number;
    place: string;
    host: string;
    units: string[];
    participants: Array<[string, 'ministry' | 'province', string]>;
    notice?: { number: string; tasks: SyntheticTask[] };
    directive?: { text: string; tasks: SyntheticTask[] };
    proposals?: Array<{
      title: string;
      category: ProposalCategory;
      cost: number;
      answer?: 'agreed' | 'under_study' | 'not_agreed';
    }>;
  }> = [
    {
      kind: 'working_session',
      title: `${DEMO_LABEL} Làm việc với thành phố Hải Phòng về triển khai chương trình phối hợp`,
      daysAgo: 60,
      place: 'Hải Phòng',
      host: 'UBND-31@2025-07-01',
      units: ['31@2025-07-01'],
      participants: [
        ['Nguyễn Hoàng Giang', 'ministry', 'Thứ trưởng Bộ Khoa học và Công nghệ'],
        ['Hoàng Minh Cường', 'province', 'Phó Chủ tịch UBND thành phố'],
      ],
      notice: {
        number: `${DEMO_LABEL} 101/TB-BKHCN`,
        tasks: [
          {
            number: '1',
            title: 'Xây dựng kế hoạch hành động thực hiện chương trình phối hợp năm tới',
            lead: 'SKHCN-31@2025-07-01',
            cooperators: ['BKHCN.VU-PTDP'],
            due: 5,
            reports: [[-15, 'Đã lấy ý kiến các sở, ngành.', 70]],
            priority: 'high',
          },
          {
            number: '2',
            title: 'Hướng dẫn thành phố đề xuất nhiệm vụ KH&CN cấp quốc gia về kinh tế biển',
            lead: 'BKHCN.VU-PTDP',
            cooperators: ['SKHCN-31@2025-07-01'],
            due: -10,
          },
          {
            number: '3',
            title: 'Hỗ trợ đánh giá trình độ công nghệ doanh nghiệp cảng biển, logistics',
            lead: 'BKHCN.CUC-DMST',
            due: -5,
            done: -8,
            reports: [[-9, 'Đã hoàn thành đánh giá 12 doanh nghiệp.', 100]],
          },
        ],
      },
    },
    {
      kind: 'working_session',
      title: `${DEMO_LABEL} Làm việc với tỉnh Ninh Bình về các đề xuất hỗ trợ năm ${year}`,
      daysAgo: 120,
      place: 'Ninh Bình',
      host: 'UBND-37@2025-07-01',
      units: ['37@2025-07-01'],
      participants: [['Nguyễn Hoàng Giang', 'ministry', 'Thứ trưởng Bộ Khoa học và Công nghệ']],
      notice: {
        number: `${DEMO_LABEL} 87/TB-BKHCN`,
        tasks: [
          {
            number: '1',
            title: 'Rà soát danh mục nhiệm vụ KH&CN cấp tỉnh giai đoạn tới',
            lead: 'SKHCN-37@2025-07-01',
            due: -30,
            done: -20,
            reports: [[-21, 'Đã ban hành danh mục.', 100]],
          },
          {
            number: '2',
            title: 'Đề xuất mô hình ứng dụng KH&CN cho vùng trồng lúa chất lượng cao',
            lead: 'SKHCN-37@2025-07-01',
            due: 10,
            extensionRequestedBy: 30,
            reports: [[-7, 'Chờ ý kiến Sở Nông nghiệp và Môi trường.', 50]],
          },
          {
            number: '3',
            title: 'Báo cáo tình hình thực hiện các kiến nghị đã được Bộ trả lời',
            lead: 'SKHCN-37@2025-07-01',
            recurrence: 'quarterly',
            reports: [[-100, 'Báo cáo quý đầu.', null]],
          },
        ],
      },
      proposals: [
        {
          title: 'Hỗ trợ kinh phí xây dựng phòng thí nghiệm nông nghiệp công nghệ cao',
          category: 'funding',
          cost: 4200,
          answer: 'agreed',
        },
        {
          title: 'Đặt hàng nhiệm vụ cấp quốc gia về giống lúa chịu mặn',
          category: 'national_task',
          cost: 3500,
          answer: 'agreed',
        },
        {
          title: 'Đào tạo chuyên gia thẩm định công nghệ cho Sở',
          category: 'training',
          cost: 600,
          answer: 'agreed',
        },
        {
          title: 'Cơ chế khuyến khích doanh nghiệp đầu tư cho đổi mới công nghệ',
          category: 'policy',
          cost: 300,
          answer: 'agreed',
        },
        {
          title: 'Xây dựng cơ sở dữ liệu KH&CN của tỉnh',
          category: 'funding',
          cost: 1800,
          answer: 'agreed',
        },
        {
          title: 'Hỗ trợ phát triển thương hiệu cho sản phẩm OCOP',
          category: 'other',
          cost: 900,
          answer: 'agreed',
        },
        {
          title: 'Nâng cấp Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng',
          category: 'funding',
          cost: 5200,
          answer: 'agreed',
        },
        {
          title: 'Ươm tạo doanh nghiệp khởi nghiệp ĐMST trong nông nghiệp',
          category: 'other',
          cost: 1200,
          answer: 'agreed',
        },
        {
          title: 'Chương trình truy xuất nguồn gốc nông sản chủ lực',
          category: 'funding',
          cost: 1500,
          answer: 'agreed',
        },
        {
          title: 'Hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa',
          category: 'other',
          cost: 2000,
          answer: 'under_study',
        },
      ],
    },
    {
      kind: 'field_survey',
      title: `${DEMO_LABEL} Khảo sát mô hình ứng dụng công nghệ cao tại tỉnh Lâm Đồng`,
      daysAgo: 15,
      place: 'Lâm Đồng',
      host: 'UBND-68@2025-07-01',
      units: ['68@2025-07-01'],
      participants: [['Lê Xuân Định', 'ministry', 'Thứ trưởng Bộ Khoa học và Công nghệ']],
      proposals: [
        { title: 'Hỗ trợ nhân rộng mô hình nhà kính thông minh', category: 'funding', cost: 2600 },
        {
          title: 'Đề xuất nhiệm vụ cấp quốc gia về bảo quản rau hoa sau thu hoạch',
          category: 'national_task',
          cost: 3000,
          answer: 'not_agreed',
        },
      ],
    },
    {
      kind: 'conference',
      title: `${DEMO_LABEL} Hội nghị trực tuyến triển khai Bộ chỉ số ĐMST cấp địa phương năm ${year}`,
      daysAgo: 200,
      place: 'Trực tuyến',
      host: 'BKHCN',
      units: [],
      participants: [['Lê Xuân Định', 'ministry', 'Thứ trưởng Bộ Khoa học và Công nghệ']],
      directive: {
        text: 'Các Sở KH&CN rà soát, cung cấp đầy đủ số liệu và minh chứng cho Bộ chỉ số ĐMST cấp địa phương đúng hạn.',
        tasks: [
          {
            number: '1',
            title: 'Cung cấp số liệu Bộ chỉ số ĐMST cấp địa phương',
            lead: 'SKHCN-46@2025-07-01',
            due: -150,
            done: -140,
            reports: [[-141, 'Đã gửi số liệu và minh chứng.', 100]],
          },
          {
            number: '2',
            title: 'Cung cấp số liệu Bộ chỉ số ĐMST cấp địa phương',
            lead: 'SKHCN-92@2025-07-01',
            due: -150,
            done: -155,
            reports: [[-156, 'Đã gửi số liệu.', 100]],
          },
          {
            number: '3',
            title: 'Cung cấp số liệu Bộ chỉ số ĐMST cấp địa phương',
            lead: 'SKHCN-22@2025-07-01',
            due: -150,
            explanation: { requested: -100 },
          },
          {
            number: '4',
            title: 'Tổng hợp, công bố kết quả Bộ chỉ số ĐMST cấp địa phương',
            lead: 'BKHCN.CUC-DMST',
            due: 3,
            priority: 'high',
          },
        ],
      },
    },
  ];
  let proposalCount = 0;
  const agreedForRoadmap: Array<{ id: string; cost: number }> = [];
  for (const def of engagementDefs) {
    const startsOn = day(-def.daysAgo);
    const [engagement] = await tx
      .insert(engagements)
      .values({
        kind: def.kind,
        title: def.title,
        startsOn,
        endsOn: startsOn,
        place: def.place,
        hostOrganisationId: (await keys.org(def.host)).id,
        summary: 'Sự kiện minh họa.',
        notes: NOTE,
      })
      .returning();
    const id = engagement!.id;
    for (const unitId of def.units)
      await tx.insert(engagementUnits).values({ engagementId: id, unitId });
    for (const [order, [name, side, title]] of def.participants.entries()) {
      await tx.insert(engagementParticipants).values({
        engagementId: id,
        personId: await keys.person(name),
        title,
        side,
        sortOrder: order,
      });
    }
    if (def.notice) {
      const [notice] = await tx
        .insert(conclusionNotices)
        .values({
          engagementId: id,
          documentNumber: def.notice.number,
          issuedOn: day(-def.daysAgo + 7),
          issuingOrganisationId: ministry.id,
          signerText: 'Chánh Văn phòng Bộ (minh họa)',
          summary: 'Thông báo kết luận minh họa.',
        })
        .returning();
      await addTasks(
        { sourceKind: 'conclusion_notice', conclusionNoticeId: notice!.id },
        day(-def.daysAgo + 7),
        def.notice.tasks,
      );
    }
    if (def.directive) {
      const [directive] = await tx
        .insert(directives)
        .values({ engagementId: id, number: 1, text: def.directive.text })
        .returning();
      await addTasks(
        { sourceKind: 'directive', directiveId: directive!.id },
        startsOn,
        def.directive.tasks,
      );
    }
    for (const p of def.proposals ?? []) {
      const [proposal] = await tx
        .insert(proposals)
        .values({
          unitId: def.units[0]!,
          engagementId: id,
          title: `${DEMO_LABEL} ${p.title}`,
          content: `Đề xuất minh họa. ${NOTE}`,
          category: p.category,
          estimatedCost: String(p.cost),
          fundingSource: 'Ngân sách nhà nước và xã hội hóa',
          answer: p.answer ?? null,
          answerReason: p.answer ? 'Trả lời minh họa.' : null,
          answeredOn: p.answer ? day(Math.min(-def.daysAgo + 20, -1)) : null,
          answeredByOrganisationId: p.answer ? ministry.id : null,
        })
        .returning();
      await tx
        .insert(proposalUnits)
        .values({ proposalId: proposal!.id, organisationId: (await keys.org('BKHCN.VU-PTDP')).id });
      if (p.answer === 'agreed' && def.units[0] === '37@2025-07-01') {
        agreedForRoadmap.push({ id: proposal!.id, cost: p.cost });
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

  /* Ninh Bình's roadmap of its agreed proposals, planned. */
  const [roadmap] = await tx
    .insert(roadmaps)
    .values({
      unitId: '37@2025-07-01',
      title: `${DEMO_LABEL} Lộ trình triển khai các đề xuất đã được Bộ KH&CN thống nhất, ${year + 1}–${year + 5}`,
      startYear: year + 1,
      endYear: year + 5,
      weights: DEFAULT_ROADMAP_WEIGHTS,
    })
    .returning();
  const roadmapId = roadmap!.id;
  for (const [i, amount] of [3500, 4000, 4500, 4500, 5000].entries()) {
    await tx
      .insert(roadmapEnvelopes)
      .values({ roadmapId, year: year + 1 + i, amount: String(amount) });
  }
  const scoreSets: Array<[number, number, number, number, number]> = [
    // alignment, impact, readiness, cost score, duration
    [5, 5, 3, 2, 2],
    [4, 5, 2, 2, 3],
    [4, 3, 5, 5, 1],
    [5, 4, 4, 5, 1],
    [4, 4, 3, 3, 2],
    [3, 3, 4, 4, 1],
    [4, 4, 2, 1, 2],
    [4, 3, 3, 4, 2],
    [3, 4, 4, 3, 1],
  ];
  const itemIds: string[] = [];
  for (const [i, p] of agreedForRoadmap.entries()) {
    const [alignment, impact, readiness, cost, duration] = scoreSets[i % scoreSets.length]!;
    const [item] = await tx
      .insert(roadmapItems)
      .values({
        roadmapId,
        proposalId: p.id,
        scores: { alignment, impact, readiness, cost },
        cost: String(p.cost),
        durationYears: duration,
        earliestStartYear: i === 1 ? year + 2 : null,
      })
      .returning();
    itemIds.push(item!.id);
  }
  // The laboratory (first) must be built before the certification centre upgrade (seventh).
  if (itemIds.length >= 7) {
    await tx
      .insert(roadmapDependencies)
      .values({ itemId: itemIds[6]!, dependsOnItemId: itemIds[0]! });
  }
  const stored = (await roadmapRepo.findRoadmap(tx, roadmapId))!;
  const prepared = preparePlan(await loadPlanData(tx, stored));
  const outcome = await runPlan(prepared, 20);
  await roadmapRepo.setPlannedYears(tx, roadmapId, outcome.schedule);
  const planned = await roadmapRepo.updateRoadmap(
    tx,
    roadmapId,
    { lastPlan: outcome.lastPlan, plannedAt: new Date() },
    new Date(),
  );
  await audit({
    entityType: 'roadmap',
    entityId: roadmapId,
    action: 'create',
    after: planned ?? roadmap,
  });

  return {
    programmes: programmeDefs.length,
    engagements: engagementDefs.length,
    proposals: proposalCount,
    tasks: taskCount,
  };
}
