import { asc, eq, sql } from 'drizzle-orm';
import type { PiiEdition, PiiNode, PiiUnitBasis } from '@caunoi/shared';
import {
  piiEditions,
  piiNodes,
  piiRuns,
  statFormIndicators,
  statForms,
  statReports,
} from '../../../src/db/schema.js';
import { writeValues, type ValueWrite } from '../../../src/modules/statistics/values.store.js';
import type { Client, TestApp } from '../harness.js';
import { multipart } from './coordination.js';

/* ───────────── Runs: an edition and accepted values, written directly ───────────── */

const node = (n: Partial<PiiNode> & Pick<PiiNode, 'code' | 'type' | 'nameVi'>): PiiNode =>
  piiNode({ level: null, ...n });

/**
 * A small framework of the PII's shape: the index, the input and output sub-indexes, one pillar
 * and one sub-pillar under each, seven indicators (one per population, one a ratio the catalogue
 * computes from two others, one where lower is better) and the population denominator.
 */
export const RUN_FRAMEWORK: PiiNode[] = [
  node({ code: 'PII', type: 'Aggregate', level: 5, nameVi: 'Chỉ số PII' }),
  node({
    code: 'INPUT',
    type: 'Aggregate',
    level: 4,
    parent: 'PII',
    nameVi: 'Chỉ số phụ đầu vào',
    nameEn: 'Input sub-index',
  }),
  node({
    code: 'OUTPUT',
    type: 'Aggregate',
    level: 4,
    parent: 'PII',
    nameVi: 'Chỉ số phụ đầu ra',
    nameEn: 'Output sub-index',
  }),
  node({ code: 'P1', type: 'Aggregate', level: 3, parent: 'INPUT', nameVi: 'Thể chế' }),
  node({ code: 'P6', type: 'Aggregate', level: 3, parent: 'OUTPUT', nameVi: 'Sản phẩm tri thức' }),
  node({ code: 'P1.1', type: 'Aggregate', level: 2, parent: 'P1', nameVi: 'Môi trường' }),
  node({ code: 'P6.1', type: 'Aggregate', level: 2, parent: 'P6', nameVi: 'Tri thức' }),
  node({
    code: 'I1',
    type: 'Indicator',
    level: 1,
    parent: 'P1.1',
    nameVi: 'Doanh nghiệp KH&CN trên 10.000 dân',
    denominator: 'POP',
    sourceIndicator: 'STE_ACTIVE',
    unitVi: 'doanh nghiệp/nghìn người',
  }),
  node({
    code: 'I2',
    type: 'Indicator',
    level: 1,
    parent: 'P1.1',
    nameVi: 'Hợp đồng chuyển giao công nghệ',
    sourceIndicator: 'TECH_TRANSFERS_REGISTERED',
  }),
  node({
    code: 'I3',
    type: 'Indicator',
    level: 1,
    parent: 'P1.1',
    nameVi: 'Tỷ lệ thủ tục trực tuyến',
    sourceIndicator: 'ADMIN_ONLINE_SHARE',
    unitVi: '%',
  }),
  node({
    code: 'I4',
    type: 'Indicator',
    level: 1,
    parent: 'P6.1',
    nameVi: 'Hồ sơ sở hữu trí tuệ được hỗ trợ',
    sourceIndicator: 'IP_DOSSIERS_SUPPORTED',
  }),
  node({
    code: 'I5',
    type: 'Indicator',
    level: 1,
    parent: 'P6.1',
    nameVi: 'Sự kiện khởi nghiệp',
    sourceIndicator: 'INNOV_EVENTS',
  }),
  node({
    code: 'I6',
    type: 'Indicator',
    level: 1,
    parent: 'P6.1',
    nameVi: 'Sự cố bức xạ',
    direction: -1,
    sourceIndicator: 'RAD_INCIDENTS',
  }),
  node({
    code: 'I7',
    type: 'Indicator',
    level: 1,
    parent: 'P6.1',
    nameVi: 'Dự án năng suất',
    sourceIndicator: 'PRODUCTIVITY_PROJECTS',
  }),
  node({
    code: 'POP',
    type: 'Denominator',
    nameVi: 'Dân số',
    sourceIndicator: 'PROV_POPULATION',
    unitVi: 'nghìn người',
  }),
];

/** The catalogue indicators the framework reads (the ratio's components included). */
export const RUN_SOURCES = [
  'STE_ACTIVE',
  'TECH_TRANSFERS_REGISTERED',
  'ADMIN_PROCEDURES',
  'ADMIN_PROCEDURES_ONLINE',
  'ADMIN_ONLINE_SHARE',
  'IP_DOSSIERS_SUPPORTED',
  'INNOV_EVENTS',
  'RAD_INCIDENTS',
  'PRODUCTIVITY_PROJECTS',
  'PROV_POPULATION',
];

export const RUN_CONFIG = {
  denominate: true,
  impute: { method: 'mean' },
  treat: { winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log_CT' },
  normalise: { method: 'minmax', range: [0, 100] },
  aggregate: { method: 'arithmetic' },
};

export interface EditionOptions {
  year?: number;
  unitBasis?: PiiUnitBasis;
  dataYear?: number;
  nodes?: PiiNode[];
  illustrative?: boolean;
}

/** Inserts an edition with its framework; the year is the next free one unless given. */
export async function insertEdition(t: TestApp, o: EditionOptions = {}): Promise<string> {
  const db = t.database.db;
  const year =
    o.year ??
    (
      await db.execute<{ next: number }>(
        sql`SELECT (coalesce(max(year), 2030) + 1)::int AS next FROM pii_editions`,
      )
    ).rows[0]!.next;
  const [row] = await db
    .insert(piiEditions)
    .values({
      year,
      title: `PII ${year} (thử)`,
      illustrative: o.illustrative ?? true,
      unitBasis: o.unitBasis ?? 'provinces-34',
      dataYear: o.dataYear ?? 2025,
      notes: null,
      config: RUN_CONFIG,
    })
    .returning({ id: piiEditions.id });
  const nodes = o.nodes ?? RUN_FRAMEWORK;
  await db
    .insert(piiNodes)
    .values(nodes.map((n, i) => ({ ...n, editionId: row!.id, position: i + 1 })));
  return row!.id;
}

/** A figure for a unit and indicator that differs between units and stays plausible. */
export function figure(unitId: string, indicator: string, year: number): number {
  let h = 2166136261;
  for (const ch of `${unitId}|${indicator}|${year}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const u = (h >>> 0) / 2 ** 32;
  switch (indicator) {
    case 'PROV_POPULATION':
      return Math.round(800 + u * 8000);
    case 'ADMIN_PROCEDURES':
      return 1500 + Math.round(u * 500);
    case 'ADMIN_PROCEDURES_ONLINE':
      return 300 + Math.round(u * 1000);
    case 'RAD_INCIDENTS':
      return Math.floor(u * 4);
    default:
      return 1 + Math.round(u * 120);
  }
}

let formSerial = 0;

export interface AcceptedOptions {
  year: number;
  /** Units whose reports are accepted, each with every source value. */
  unitIds: readonly string[];
  /** Indicators left out (no value written). */
  skip?: readonly string[];
  /** The form's indicators (default RUN_SOURCES). */
  sources?: readonly string[];
  /** Status of the reports (default accepted). */
  status?: 'draft' | 'submitted' | 'approved' | 'accepted';
  /** Replaces the generated figure of some unit × indicator. */
  override?: (unitId: string, indicator: string) => number | undefined;
}

/**
 * A form holding RUN_SOURCES and, for each unit, its report of the year in the given status
 * (accepted by default) with a value of every source indicator (the ratio is left to the
 * catalogue, computed from its components).
 */
export async function insertAcceptedValues(t: TestApp, o: AcceptedOptions): Promise<string> {
  const db = t.database.db;
  formSerial += 1;
  const [form] = await db
    .insert(statForms)
    .values({
      code: `BM-PII-${formSerial}-${o.year}`,
      nameVi: `Biểu chỉ số thử ${formSerial}`,
      nameEn: `PII test form ${formSerial}`,
      periodType: 'year',
      periodForm: 'statistical',
      opensAfterDays: -15,
      deadlineAfterDays: 45,
      locksAfterDays: 90,
      firstPeriod: '2019',
    })
    .returning({ id: statForms.id });
  await db.insert(statFormIndicators).values(
    (o.sources ?? RUN_SOURCES).map((code, i) => ({
      formId: form!.id,
      indicatorCode: code,
      sortOrder: i,
    })),
  );
  const period = String(o.year);
  const status = o.status ?? 'accepted';
  await db.insert(statReports).values(
    o.unitIds.map((unitId) => ({
      formId: form!.id,
      unitId,
      periodCode: period,
      status,
      acceptedAt: status === 'accepted' ? new Date() : null,
    })),
  );
  const writes: ValueWrite[] = [];
  for (const unitId of o.unitIds) {
    for (const code of o.sources ?? RUN_SOURCES) {
      if (code === 'ADMIN_ONLINE_SHARE' || o.skip?.includes(code)) continue;
      writes.push({
        indicatorCode: code,
        optionCode: '',
        unitId,
        periodCode: period,
        num: o.override?.(unitId, code) ?? figure(unitId, code, o.year),
        txt: null,
      });
    }
  }
  await writeValues(db, writes, { channel: 'import', actorUsername: 'kiem-thu' });
  return form!.id;
}

/** Units valid on a day, by code (as the registry of the app under test has them). */
export function unitsOn(t: TestApp, date: string): string[] {
  const registry = t.deps.units.registry;
  return registry.units
    .filter((u) => registry.isValidOn(u, date))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => u.id);
}

/* ───────────── Editions: through the API ───────────── */

export const PII_API = '/api/v1/pii';
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One framework row with the defaults of an indicator. */
export function piiNode(fields: Partial<PiiNode> & Pick<PiiNode, 'code'>): PiiNode {
  return {
    type: 'Indicator',
    level: 1,
    nameVi: `Chỉ số ${fields.code}`,
    nameEn: null,
    parent: null,
    weight: 1,
    direction: 1,
    denominator: null,
    sourceIndicator: null,
    unitVi: null,
    placement: null,
    ...fields,
  };
}

const aggregateNode = (code: string, level: number, nameVi: string, parent: string | null) =>
  piiNode({ code, type: 'Aggregate', level, nameVi, parent });

/**
 * A small valid framework on starter catalogue indicators: the index, two sub-indexes, two
 * pillars with one sub-pillar each, three indicators (one per budget spent, one where lower is
 * better) and a denominator.
 */
export function smallFramework(): PiiNode[] {
  return [
    aggregateNode('PII', 5, 'Chỉ số Đổi mới sáng tạo cấp địa phương', null),
    aggregateNode('INPUT', 4, 'Chỉ số phụ đầu vào', 'PII'),
    aggregateNode('OUTPUT', 4, 'Chỉ số phụ đầu ra', 'PII'),
    aggregateNode('P1', 3, 'Thể chế', 'INPUT'),
    aggregateNode('P6', 3, 'Sản phẩm tri thức, sáng tạo và công nghệ', 'OUTPUT'),
    aggregateNode('P1.1', 2, 'Môi trường chính sách', 'P1'),
    aggregateNode('P6.1', 2, 'Sáng tạo tri thức', 'P6'),
    piiNode({
      code: 'P1.1.1',
      nameVi: 'Chi cho KH&CN trên tổng chi ngân sách, "thực chi"',
      nameEn: 'S&T spending, per budget',
      parent: 'P1.1',
      denominator: 'BUDGET',
      sourceIndicator: 'SPEND_TOTAL',
      unitVi: '%',
      placement: 'confirmed',
    }),
    piiNode({
      code: 'P1.1.2',
      nameVi: 'Nhiệm vụ quá hạn, chậm nghiệm thu',
      parent: 'P1.1',
      direction: -1,
      weight: 0.5,
      sourceIndicator: 'TASK_OVERDUE',
      placement: 'inferred',
    }),
    piiNode({
      code: 'P6.1.1',
      nameVi: 'Nhân lực nghiên cứu và phát triển',
      nameEn: 'R&D personnel',
      parent: 'P6.1',
      sourceIndicator: 'RD_PERSONNEL',
      unitVi: 'người',
    }),
    piiNode({
      code: 'BUDGET',
      type: 'Denominator',
      level: null,
      nameVi: 'Tổng chi ngân sách địa phương',
      sourceIndicator: 'PROV_BUDGET_EXPENDITURE',
      unitVi: 'triệu đồng',
    }),
  ];
}

let nextYear = 2040;

/** A year no edition has yet (editions are one per year). */
export const freshYear = () => nextYear++;

/** Creates an edition through the API (by default an empty framework) and expects it. */
export async function createEdition(
  client: Client,
  body: Record<string, unknown> = {},
): Promise<PiiEdition> {
  const year = (body.year as number | undefined) ?? freshYear();
  const res = await client.post(`${PII_API}/editions`, {
    year,
    title: `PII ${year} — thử nghiệm`,
    unitBasis: 'provinces-34',
    dataYear: year - 1,
    ...body,
  });
  if (res.status !== 201) throw new Error(`create edition: ${res.status} ${res.raw.body}`);
  return res.body as PiiEdition;
}

/** The body of `PUT /pii/editions/:id` that keeps an edition as it is, with `changes`. */
export function editionBody(edition: PiiEdition, changes: Record<string, unknown> = {}) {
  return {
    title: edition.title,
    dataYear: edition.dataYear,
    notes: edition.notes,
    config: edition.config,
    nodes: edition.nodes,
    ...changes,
  };
}

/** An edition with the small framework, through the API. */
export async function editionWithFramework(client: Client): Promise<PiiEdition> {
  const created = await createEdition(client);
  const res = await client.put(
    `${PII_API}/editions/${created.id}`,
    editionBody(created, { nodes: smallFramework() }),
  );
  if (res.status !== 200) throw new Error(`put edition: ${res.status} ${res.raw.body}`);
  return res.body as PiiEdition;
}

/** Uploads a framework file to an edition. */
export function importFile(client: Client, editionId: string, name: string, content: Buffer) {
  const body = multipart({}, { name, type: name.endsWith('.xlsx') ? XLSX : CSV, content });
  return client.request('POST', `${PII_API}/editions/${editionId}/import`, body.payload, {
    'content-type': body.contentType,
  });
}

/** The framework rows stored for an edition, in order. */
export async function storedNodes(t: TestApp, editionId: string) {
  return t.database.db
    .select()
    .from(piiNodes)
    .where(eq(piiNodes.editionId, editionId))
    .orderBy(asc(piiNodes.position));
}

export async function storedEdition(t: TestApp, editionId: string) {
  const [row] = await t.database.db.select().from(piiEditions).where(eq(piiEditions.id, editionId));
  return row;
}

/** A stored run of an edition (only what the editions rely on: that it exists). */
export async function storeRun(t: TestApp, editionId: string, dataYear = 2025): Promise<string> {
  const [row] = await t.database.db
    .insert(piiRuns)
    .values({
      editionId,
      dataYear,
      inputHash: '0'.repeat(64),
      inputs: {},
      outputs: {},
      unitCount: 0,
      indicatorCount: 0,
      createdBy: 'bo.dieuphoi',
    })
    .returning({ id: piiRuns.id });
  return row!.id;
}
