import { todayInVietnam, type OrganisationKind, type Role } from '@caunoi/shared';
import type { Ctx } from '../core/context.js';
import { writeTransaction } from '../core/context.js';
import { organisations, people, positions, roleAssignments, users } from '../db/schema.js';
import { hashPassword } from '../modules/auth/auth.crypto.js';
import { MINISTRY_CODE } from './reference-organisations.js';
import { seedSourceCoordination } from './demo-coordination.js';
import { NO_PII, seedDemoPii, type PiiDemoResult } from './demo-pii.js';
import { seedDemoPiiRuns } from './demo-pii-runs.js';
import { NO_STATISTICS, seedDemoStatistics, type StatisticsDemoResult } from './demo-statistics.js';
import { seedSynthetic } from './demo-synthetic.js';
import { Lookup } from './lookup.js';

export interface DemoSeedResult
  extends CoordinationDemoResult, StatisticsDemoResult, PiiDemoResult {
  users: number;
  people: number;
  organisations: number;
}

export interface CoordinationDemoResult {
  programmes: number;
  engagements: number;
  proposals: number;
  tasks: number;
}

interface DemoUser {
  username: string;
  displayName: string;
  organisationCode: string;
  roles: Array<{ role: Role; unitId?: string; organisationCode?: string }>;
}

/** Demo accounts (README lists them). All share the demo password. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    organisationCode: `${MINISTRY_CODE}.VP`,
    roles: [{ role: 'system_admin' }],
  },
  {
    username: 'bo.dieuphoi',
    displayName: 'Điều phối viên Bộ KH&CN',
    organisationCode: `${MINISTRY_CODE}.VU-PTDP`,
    roles: [{ role: 'ministry_coordinator' }],
  },
  {
    username: 'vu.diaphuong',
    displayName: 'Chuyên viên Vụ Phát triển KH&CN địa phương',
    organisationCode: `${MINISTRY_CODE}.VU-PTDP`,
    roles: [{ role: 'ministry_unit_officer', organisationCode: `${MINISTRY_CODE}.VU-PTDP` }],
  },
  {
    username: 'hp.chuyenvien',
    displayName: 'Chuyên viên Sở KH&CN Hải Phòng',
    organisationCode: 'SKHCN-31@2025-07-01',
    roles: [{ role: 'province_officer', unitId: '31@2025-07-01' }],
  },
  {
    username: 'hp.lanhdao',
    displayName: 'Lãnh đạo Sở KH&CN Hải Phòng',
    organisationCode: 'SKHCN-31@2025-07-01',
    roles: [{ role: 'province_approver', unitId: '31@2025-07-01' }],
  },
  {
    username: 'nb.chuyenvien',
    displayName: 'Chuyên viên Sở KH&CN Ninh Bình',
    organisationCode: 'SKHCN-37@2025-07-01',
    roles: [{ role: 'province_officer', unitId: '37@2025-07-01' }],
  },
  {
    username: 'hue.chuyenvien',
    displayName: 'Chuyên viên Sở KH&CN Huế',
    organisationCode: 'SKHCN-46@2025-07-01',
    roles: [{ role: 'province_officer', unitId: '46@2025-07-01' }],
  },
  {
    // Still scoped to the former province of Nam Định: an administrator re-scopes it to Ninh Bình.
    username: 'nd.chuyenvien',
    displayName: 'Chuyên viên Sở KH&CN Nam Định (trước sắp xếp)',
    organisationCode: 'SKHCN-36@2008-08-01',
    roles: [{ role: 'province_officer', unitId: '36@2008-08-01' }],
  },
  {
    username: 'xem',
    displayName: 'Người xem (toàn quốc)',
    organisationCode: MINISTRY_CODE,
    roles: [{ role: 'viewer' }],
  },
];

interface DemoOrganisation {
  code: string;
  kind: OrganisationKind;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  unitId: string | null;
  validTo?: string | null;
  website?: string | null;
  notes?: string | null;
}

const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    code: 'TU-36@2008-08-01',
    kind: 'party_committee',
    nameVi: 'Tỉnh ủy Nam Định',
    nameEn: 'Nam Dinh Provincial Party Committee',
    shortName: 'Tỉnh ủy Nam Định',
    unitId: '36@2008-08-01',
    validTo: '2025-06-30',
  },
  {
    code: 'TU-31@2008-08-01',
    kind: 'party_committee',
    nameVi: 'Thành ủy Hải Phòng',
    nameEn: 'Hai Phong City Party Committee',
    shortName: 'Thành ủy Hải Phòng',
    unitId: '31@2008-08-01',
    validTo: '2025-06-30',
  },
  {
    code: 'TU-46@2008-08-01',
    kind: 'party_committee',
    nameVi: 'Tỉnh ủy Thừa Thiên Huế',
    nameEn: 'Thua Thien Hue Provincial Party Committee',
    shortName: 'Tỉnh ủy Thừa Thiên Huế',
    unitId: '46@2008-08-01',
    validTo: '2025-06-30',
  },
  {
    code: 'DH-HUE',
    kind: 'university',
    nameVi: 'Đại học Huế',
    nameEn: 'Hue University',
    shortName: 'ĐH Huế',
    unitId: '46@2025-07-01',
    website: 'https://hueuni.edu.vn',
  },
  {
    code: 'DH-HANGHAI',
    kind: 'university',
    nameVi: 'Trường Đại học Hàng hải Việt Nam',
    nameEn: 'Vietnam Maritime University',
    shortName: 'ĐH Hàng hải',
    unitId: '31@2025-07-01',
    website: 'https://vimaru.edu.vn',
  },
  {
    code: 'VAST',
    kind: 'institute',
    nameVi: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    nameEn: 'Vietnam Academy of Science and Technology',
    shortName: 'Viện Hàn lâm KH&CN VN',
    unitId: '01@2025-07-01',
    website: 'https://vast.gov.vn',
  },
  {
    code: 'DN-MINHHOA-HP',
    kind: 'enterprise',
    nameVi: 'Công ty TNHH Công nghệ Biển Minh Họa',
    nameEn: 'Demo Marine Technology Co., Ltd.',
    shortName: 'Công nghệ Biển Minh Họa',
    unitId: '31@2025-07-01',
    notes: 'Doanh nghiệp minh họa (dữ liệu demo), không phải doanh nghiệp có thật.',
  },
];

interface DemoPosition {
  organisationCode: string;
  title: string;
  from: string;
  to: string;
  source: string;
}

const SRC_HUE = 'Làm việc và ký kết chương trình phối hợp với tỉnh Thừa Thiên Huế, 21/11/2021';
const SRC_HP = 'Ký kết chương trình phối hợp với UBND thành phố Hải Phòng, 29/07/2022';
const SRC_CONF = 'Hội nghị Giám đốc Sở KH&CN toàn quốc 2023, Quy Nhơn, 16–17/03/2023';
const SRC_ND = 'Làm việc với tỉnh Nam Định, 11/05/2023';

/** People named in the source documents, with the titles they held on those dates. */
const DEMO_PEOPLE: Array<{ fullName: string; positions: DemoPosition[] }> = [
  {
    fullName: 'Huỳnh Thành Đạt',
    positions: [
      {
        organisationCode: MINISTRY_CODE,
        title: 'Ủy viên Ban Chấp hành Trung ương Đảng, Bộ trưởng Bộ Khoa học và Công nghệ',
        from: '2021-11-21',
        to: '2023-05-11',
        source: `${SRC_HUE}; ${SRC_HP}; ${SRC_CONF}; ${SRC_ND}`,
      },
    ],
  },
  {
    fullName: 'Nguyễn Hoàng Giang',
    positions: [
      {
        organisationCode: MINISTRY_CODE,
        title: 'Thứ trưởng Bộ Khoa học và Công nghệ',
        from: '2023-03-16',
        to: '2023-05-11',
        source: `${SRC_CONF}; ${SRC_ND}`,
      },
    ],
  },
  {
    fullName: 'Bùi Thế Duy',
    positions: [
      {
        organisationCode: MINISTRY_CODE,
        title:
          'Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Thứ trưởng Bộ Khoa học và Công nghệ',
        from: '2022-07-29',
        to: '2022-07-29',
        source: SRC_HP,
      },
    ],
  },
  {
    fullName: 'Lê Xuân Định',
    positions: [
      {
        organisationCode: MINISTRY_CODE,
        title: 'Thứ trưởng Bộ Khoa học và Công nghệ',
        from: '2023-03-16',
        to: '2023-03-17',
        source: SRC_CONF,
      },
    ],
  },
  {
    fullName: 'Phạm Gia Túc',
    positions: [
      {
        organisationCode: 'TU-36@2008-08-01',
        title: 'Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy',
        from: '2023-05-11',
        to: '2023-05-11',
        source: SRC_ND,
      },
    ],
  },
  {
    fullName: 'Phạm Đình Nghị',
    positions: [
      {
        organisationCode: 'UBND-36@2008-08-01',
        title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
        from: '2023-05-11',
        to: '2023-05-11',
        source: SRC_ND,
      },
    ],
  },
  {
    fullName: 'Trần Lê Đoài',
    positions: [
      {
        organisationCode: 'UBND-36@2008-08-01',
        title: 'Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh',
        from: '2023-05-11',
        to: '2023-05-11',
        source: SRC_ND,
      },
    ],
  },
  {
    fullName: 'Lâm Hải Giang',
    positions: [
      {
        organisationCode: 'UBND-52@2008-08-01',
        title: 'Phó Chủ tịch UBND tỉnh',
        from: '2023-03-16',
        to: '2023-03-17',
        source: SRC_CONF,
      },
    ],
  },
  {
    fullName: 'Trần Lưu Quang',
    positions: [
      {
        organisationCode: 'TU-31@2008-08-01',
        title: 'Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng Đoàn ĐBQH Hải Phòng',
        from: '2022-07-29',
        to: '2022-07-29',
        source: SRC_HP,
      },
    ],
  },
  {
    fullName: 'Nguyễn Văn Tùng',
    positions: [
      {
        organisationCode: 'UBND-31@2008-08-01',
        title: 'Phó Bí thư Thành ủy, Chủ tịch UBND thành phố',
        from: '2022-07-29',
        to: '2022-07-29',
        source: SRC_HP,
      },
    ],
  },
  {
    fullName: 'Đỗ Mạnh Hiến',
    positions: [
      {
        organisationCode: 'TU-31@2008-08-01',
        title: 'Phó Bí thư Thường trực Thành ủy',
        from: '2022-07-29',
        to: '2022-07-29',
        source: SRC_HP,
      },
    ],
  },
  {
    fullName: 'Hoàng Minh Cường',
    positions: [
      {
        organisationCode: 'UBND-31@2008-08-01',
        title: 'Phó Chủ tịch UBND thành phố',
        from: '2022-07-29',
        to: '2022-07-29',
        source: SRC_HP,
      },
    ],
  },
  {
    fullName: 'Lê Trường Lưu',
    positions: [
      {
        organisationCode: 'TU-46@2008-08-01',
        title: 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng đoàn ĐBQH tỉnh',
        from: '2021-11-21',
        to: '2021-11-21',
        source: SRC_HUE,
      },
    ],
  },
];

/**
 * Fills an empty database with demo accounts, organisations and people and, unless told
 * otherwise, the coordination records (from the source articles and synthetic ones) and the
 * statistics of the annual form, 2019–2025 (synthetic, except the figures the articles state),
 * and the inputs of the innovation index (form BM-PII, 2023–2025, synthetic).
 */
export async function seedDemo(
  ctx: Ctx,
  options: { password: string; coordination?: boolean },
): Promise<DemoSeedResult> {
  const accounts = await seedDemoAccounts(ctx, options.password);
  if (options.coordination === false) {
    return {
      ...accounts,
      ...{ programmes: 0, engagements: 0, proposals: 0, tasks: 0 },
      ...NO_STATISTICS,
      ...NO_PII,
    };
  }
  const coordination = await seedDemoCoordination(ctx);
  const statistics = await seedDemoStatistics(ctx);
  const pii = await seedDemoPii(ctx);
  // Runs of PII 2024 and 2025 from the values just written (PII 2026 is left to compute).
  const piiRuns = await seedDemoPiiRuns(ctx);
  return { ...accounts, ...coordination, ...statistics, ...pii, ...piiRuns };
}

/** The coordination demo records: what the source articles state, then synthetic ones. */
export async function seedDemoCoordination(
  ctx: Ctx,
  today = todayInVietnam(new Date()),
): Promise<CoordinationDemoResult> {
  return writeTransaction(ctx, async (scope) => {
    const sources = await seedSourceCoordination(scope);
    const synthetic = await seedSynthetic(scope, today);
    return {
      programmes: sources.programmes + synthetic.programmes,
      engagements: sources.engagements + synthetic.engagements,
      proposals: sources.proposals + synthetic.proposals,
      tasks: sources.tasks + synthetic.tasks,
    };
  });
}

async function seedDemoAccounts(
  ctx: Ctx,
  password: string,
): Promise<{ users: number; people: number; organisations: number }> {
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password)));
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const lookup = new Lookup(tx);
    const orgId = async (code: string) => (await lookup.org(code)).id;
    for (const o of DEMO_ORGANISATIONS) {
      const [created] = await tx.insert(organisations).values(o).returning();
      await audit({
        entityType: 'organisation',
        entityId: created!.id,
        action: 'create',
        after: created,
      });
    }
    for (const p of DEMO_PEOPLE) {
      const [person] = await tx.insert(people).values({ fullName: p.fullName }).returning();
      await audit({ entityType: 'person', entityId: person!.id, action: 'create', after: person });
      for (const pos of p.positions) {
        const [created] = await tx
          .insert(positions)
          .values({
            personId: person!.id,
            organisationId: await orgId(pos.organisationCode),
            title: pos.title,
            validFrom: pos.from,
            validTo: pos.to,
            source: pos.source,
          })
          .returning();
        await audit({
          entityType: 'position',
          entityId: created!.id,
          action: 'create',
          after: created,
        });
      }
    }
    for (const [i, u] of DEMO_USERS.entries()) {
      const [user] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash: hashes[i]!,
          organisationId: await orgId(u.organisationCode),
          passwordChangedAt: new Date(),
          // A reserved domain (RFC 2606): reminders reach the outbox and never a real mailbox.
          email: `${u.username}@caunoi.example`,
        })
        .returning();
      const assigned = [];
      for (const r of u.roles) {
        const [a] = await tx
          .insert(roleAssignments)
          .values({
            userId: user!.id,
            role: r.role,
            scopeKind: r.unitId ? 'province' : r.organisationCode ? 'organisation' : 'national',
            scopeUnitId: r.unitId ?? null,
            scopeOrganisationId: r.organisationCode ? await orgId(r.organisationCode) : null,
          })
          .returning();
        assigned.push(a);
      }
      await audit({
        entityType: 'user',
        entityId: user!.id,
        action: 'create',
        after: { ...user, assignments: assigned },
      });
    }
    return {
      users: DEMO_USERS.length,
      people: DEMO_PEOPLE.length,
      organisations: DEMO_ORGANISATIONS.length,
    };
  });
}
