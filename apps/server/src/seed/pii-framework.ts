import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PII_PILLARS, type PiiNode, type PiiUnitBasis } from '@caunoi/shared';

/**
 * The illustrative framework of the Provincial Innovation Index ("khung minh họa"): the 7
 * published pillars with the sub-pillars and indicators found in public sources
 * (`data/pii/indicators_partial.csv`, 44 of the 52 indicators), each indicator fed by an
 * indicator of the statistics catalogue. It is not the official list, which is in the annexes of
 * Decisions 1705/QĐ-BKHCN and 989/QĐ-BKHCN; an edition built from it says so, and importing the
 * official framework replaces it.
 *
 * A `sourceIndicator` names a catalogue indicator as validation rules do: `CODE` (its value, or
 * its total when it is disaggregated, or a ratio computed from its components) or `CODE.OPTION`
 * (one option of a disaggregated indicator, e.g. patent applications among IP applications).
 */

/** The file the framework is read from (`apps/server/data/pii/`, next to `src/` and `dist/`). */
export const PII_INDICATORS_CSV = new URL('../../data/pii/indicators_partial.csv', import.meta.url);
/** Published PII results (reference table shown beside computed runs). */
export const PII_PUBLISHED_RESULTS_CSV = new URL(
  '../../data/pii/published_results.csv',
  import.meta.url,
);

/** The annual form on which provinces report the index's inputs. */
export const PII_FORM_CODE = 'BM-PII';

/**
 * The pipeline of an edition unless the Ministry changes it: denominate, impute by the mean,
 * treat outliers as the GII reports describe (skewness 2.25, kurtosis 3.5, up to 5 points
 * winsorised, else a log transform), min–max 0–100 and arithmetic means up the tree.
 */
export const PII_DEFAULT_CONFIG: Record<string, unknown> = {
  denominate: true,
  impute: { method: 'mean' },
  treat: { winmax: 5, skewThreshold: 2.25, kurtosisThreshold: 3.5, fallback: 'log_CT' },
  normalise: { method: 'minmax', range: [0, 100] },
  aggregate: { method: 'arithmetic' },
};

/** Denominators: what an indicator is divided by, and the catalogue indicator that gives it. */
const DENOMINATORS = {
  POP: {
    nameVi: 'Dân số trung bình',
    nameEn: 'Average population',
    sourceIndicator: 'PROV_POPULATION',
    unitVi: 'nghìn người',
  },
  ENT: {
    nameVi: 'Số doanh nghiệp đang hoạt động',
    nameEn: 'Enterprises in operation',
    sourceIndicator: 'PROV_ENTERPRISES',
    unitVi: 'doanh nghiệp',
  },
  ENT_NEW: {
    nameVi: 'Số doanh nghiệp thành lập mới',
    nameEn: 'Newly registered enterprises',
    sourceIndicator: 'PROV_NEW_ENTERPRISES',
    unitVi: 'doanh nghiệp',
  },
  GRDP: {
    nameVi: 'GRDP theo giá hiện hành',
    nameEn: 'GRDP at current prices',
    sourceIndicator: 'PROV_GRDP',
    unitVi: 'tỷ đồng',
  },
  STUDENTS: {
    nameVi: 'Số học sinh, sinh viên',
    nameEn: 'Pupils and students enrolled',
    sourceIndicator: 'EDU_STUDENTS',
    unitVi: 'học sinh',
  },
} as const;
type DenominatorCode = keyof typeof DENOMINATORS;

interface Feed {
  sourceIndicator: string;
  denominator?: DenominatorCode;
  /** The unit of the value the index reads (after its denominator). */
  unitVi: string;
}

const feed = (sourceIndicator: string, unitVi: string, denominator?: DenominatorCode): Feed => ({
  sourceIndicator,
  unitVi,
  ...(denominator ? { denominator } : {}),
});

/**
 * Where each indicator of the file takes its values from, by the file's `row_id`, with the unit
 * of the value the index reads (after its denominator). Denominators follow the file; where it
 * calls one undisclosed (national prizes) the population is assumed, where it gives a bare count
 * (collective marks) the count stays. Trademark applications changed denominator between
 * editions; see `feedOf`.
 */
const FEEDS: Record<number, Feed> = {
  1: feed('PII_POLICY_SCORE', 'điểm (thang 100)'),
  2: feed('PCI_LEGAL_INSTITUTIONS', 'điểm (thang 10)'),
  3: feed('PCI_BUSINESS_SUPPORT', 'điểm (thang 10)'),
  4: feed('PCI_ENTRY_COSTS', 'điểm (thang 10)'),
  5: feed('PCI_PROACTIVITY', 'điểm (thang 10)'),
  6: feed('PAR_INDEX', '%'),
  7: feed('PCI_FAIR_COMPETITION', 'điểm (thang 10)'),
  8: feed('EDU_EXAM_SCORE', 'điểm (thang 10)'),
  9: feed('EDU_NATIONAL_PRIZES', 'giải/nghìn dân', 'POP'),
  10: feed('EDU_SPENDING', 'triệu đồng/học sinh', 'STUDENTS'),
  11: feed('RD_PERSONNEL', 'người/nghìn dân', 'POP'),
  12: feed('RD_SPENDING', 'triệu đồng/tỷ đồng GRDP', 'GRDP'),
  13: feed('ST_ORGANISATIONS', 'tổ chức/nghìn dân', 'POP'),
  14: feed('BUDGET_ST_SHARE', '%'),
  15: feed('DTI_INFRASTRUCTURE', 'điểm (thang 1)'),
  16: feed('PCI_INFRASTRUCTURE', 'điểm (thang 10)'),
  17: feed('INDUSTRIAL_LAND_SERVICED_SHARE', '%'),
  18: feed('IZ_PROJECTS_OPERATING_SHARE', '%'),
  19: feed('PRIVATE_CREDIT', 'lần GRDP', 'GRDP'),
  20: feed('ENT_CAPITAL', 'tỷ đồng/doanh nghiệp', 'ENT'),
  21: feed('ENT_FIXED_ASSETS', 'tỷ đồng/doanh nghiệp', 'ENT'),
  22: feed('EXPORTS', 'triệu USD/tỷ đồng GRDP', 'GRDP'),
  // A province's share of the national GDP is its GRDP over the same total for every province.
  23: feed('PROV_GRDP', 'tỷ đồng'),
  24: feed('ENT_WITH_RD', 'tỷ lệ doanh nghiệp', 'ENT'),
  25: feed('ENT_WITH_INNOVATION', 'tỷ lệ doanh nghiệp', 'ENT'),
  26: feed('ENT_TRAINING_SPEND_SHARE', '%'),
  27: feed('TRAINED_LABOUR_SHARE', '%'),
  28: feed('EMPLOYED', 'tỷ lệ dân số', 'POP'),
  29: feed('ENT_ST_SERVICES', 'tỷ lệ doanh nghiệp', 'ENT'),
  30: feed('FDI_DISBURSED', 'triệu USD/tỷ đồng GRDP', 'GRDP'),
  31: feed('ENT_ISO_CERTIFIED', 'tỷ lệ doanh nghiệp', 'ENT'),
  32: feed('INNOV_STARTUP_ENTERPRISES', 'tỷ lệ doanh nghiệp mới', 'ENT_NEW'),
  33: feed('IP_APPLICATIONS.SANG_CHE', 'đơn/nghìn dân', 'POP'),
  34: feed('IP_APPLICATIONS.GIAI_PHAP_HUU_ICH', 'đơn/nghìn dân', 'POP'),
  35: feed('PLANT_VARIETY_APPLICATIONS', 'đơn/nghìn dân', 'POP'),
  36: feed('IP_APPLICATIONS.NHAN_HIEU', 'đơn/nghìn dân', 'POP'),
  37: feed('IP_APPLICATIONS.KIEU_DANG_CONG_NGHIEP', 'đơn/nghìn dân', 'POP'),
  38: feed('IP_APPLICATIONS.CHI_DAN_DIA_LY', 'đơn/nghìn dân', 'POP'),
  39: feed('IP_COLLECTIVE_MARK_APPLICATIONS', 'đơn'),
  40: feed('OCOP_4STAR_PRODUCTS', 'sản phẩm/nghìn dân', 'POP'),
  42: feed('INDUSTRIAL_PRODUCTION_INDEX', '%'),
  43: feed('LABOUR_PRODUCTIVITY_GROWTH', '%'),
  44: feed('HDI', 'chỉ số (0–1)'),
  45: feed('POVERTY_REDUCTION', 'điểm phần trăm'),
};

/** Trademark applications: per 1,000 enterprises in PII 2024, per population in the others. */
function feedOf(rowId: number, year: number): Feed | undefined {
  const feed = FEEDS[rowId];
  if (rowId === 36 && year === 2024) {
    return { ...feed!, denominator: 'ENT', unitVi: 'đơn/doanh nghiệp' };
  }
  return feed;
}

/** One indicator of the file. */
export interface PiiSourceRow {
  rowId: number;
  pillar: number;
  subPillarVi: string;
  subPillarEn: string;
  nameVi: string;
  nameEn: string;
  direction: 1 | -1;
  placement: 'confirmed' | 'inferred';
}

const UNKNOWN_SUB_PILLAR = {
  vi: 'Chỉ số chưa xác định nhóm',
  en: 'Indicators of an unidentified sub-pillar',
};

/**
 * A sub-pillar's name without the file's doubts: "Hạ tầng số / Hạ tầng CNTT (tên nhóm chưa xác
 * nhận)" is "Hạ tầng số"; "(chưa rõ)" is no name at all.
 */
function subPillarName(vi: string, en: string): Name | null {
  const cleanVi = vi
    .replace(/\([^)]*\)/g, '')
    .split(' / ')[0]!
    .trim();
  if (cleanVi === '') return null;
  const cleanEn = en.replace(/\([^)]*\)/g, '').trim();
  return { vi: cleanVi, en: cleanEn.charAt(0).toUpperCase() + cleanEn.slice(1) };
}

interface CsvRow {
  row_id: string;
  pillar_no: string;
  sub_pillar_vi: string;
  sub_pillar_en: string;
  indicator_vi: string;
  indicator_en: string;
  direction: string;
  placement_status: string;
}

/**
 * The indicators of the file, in its order. A row without a direction names a sub-pillar whose
 * indicators were not found: it is not an indicator.
 */
export function readPiiSourceRows(text = readFileSync(PII_INDICATORS_CSV, 'utf8')): PiiSourceRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as CsvRow[];
  return records
    .filter((r) => r.direction !== '')
    .map((r) => ({
      rowId: Number(r.row_id),
      pillar: Number(r.pillar_no),
      subPillarVi: r.sub_pillar_vi,
      subPillarEn: r.sub_pillar_en,
      nameVi: r.indicator_vi,
      nameEn: r.indicator_en,
      direction: r.direction.startsWith('negative') ? -1 : 1,
      placement: r.placement_status.startsWith('CONFIRMED') ? 'confirmed' : 'inferred',
    }));
}

let cachedRows: PiiSourceRow[] | undefined;

interface Name {
  vi: string;
  en: string;
}

/** Rows that read no statistic of their own. */
const UNSOURCED = { sourceIndicator: null, unitVi: null, placement: null } as const;
/** What an aggregate row holds besides its place and name: weight 1, nothing to divide by. */
const AGGREGATE = {
  type: 'Aggregate',
  weight: 1,
  direction: 1,
  denominator: null,
  ...UNSOURCED,
} as const satisfies Partial<PiiNode>;

/** The index and its two sub-indexes. */
const TOP: Array<Pick<PiiNode, 'code' | 'level' | 'nameVi' | 'nameEn' | 'parent'>> = [
  {
    code: 'PII',
    level: 5,
    nameVi: 'Bộ chỉ số đổi mới sáng tạo cấp địa phương (PII)',
    nameEn: 'Provincial Innovation Index (PII)',
    parent: null,
  },
  {
    code: 'INPUT',
    level: 4,
    nameVi: 'Chỉ số phụ đầu vào',
    nameEn: 'Input sub-index',
    parent: 'PII',
  },
  {
    code: 'OUTPUT',
    level: 4,
    nameVi: 'Chỉ số phụ đầu ra',
    nameEn: 'Output sub-index',
    parent: 'PII',
  },
];

/**
 * The illustrative framework of an edition: index `PII` (level 5), sub-indexes `INPUT` (pillars
 * 1–5) and `OUTPUT` (6–7), pillars `P1`…`P7`, sub-pillars `P1.1`…, indicators `P1.1.1`…, weight
 * 1 everywhere, then the denominators the edition's indicators use. The unit basis does not
 * change the tree (which provinces are ranked is the edition's, not the framework's).
 */
export function illustrativeFramework(edition: {
  year: number;
  unitBasis: PiiUnitBasis;
}): PiiNode[] {
  cachedRows ??= readPiiSourceRows();
  const rows = cachedRows;
  const nodes: PiiNode[] = TOP.map((n) => ({ ...AGGREGATE, ...n }));
  const aggregate = (code: string, level: number, name: Name, parent: string): PiiNode => ({
    ...AGGREGATE,
    code,
    level,
    nameVi: name.vi,
    nameEn: name.en,
    parent,
  });

  const used = new Set<DenominatorCode>();
  for (const pillar of PII_PILLARS) {
    const pillarCode = `P${pillar.no}`;
    const ofPillar = rows.filter((r) => r.pillar === pillar.no);
    if (ofPillar.length === 0) continue;
    const side = pillar.side === 'input' ? 'INPUT' : 'OUTPUT';
    nodes.push(aggregate(pillarCode, 3, { vi: pillar.nameVi, en: pillar.nameEn }, side));
    // Sub-pillars in the order the file names them; indicators of no known sub-pillar last.
    const groups: Array<{ vi: string; en: string; rows: PiiSourceRow[] }> = [];
    const unknown: PiiSourceRow[] = [];
    for (const r of ofPillar) {
      const name = subPillarName(r.subPillarVi, r.subPillarEn);
      if (!name) {
        unknown.push(r);
        continue;
      }
      const group = groups.find((g) => g.vi === name.vi);
      if (group) group.rows.push(r);
      else groups.push({ ...name, rows: [r] });
    }
    if (unknown.length > 0) groups.push({ ...UNKNOWN_SUB_PILLAR, rows: unknown });
    groups.forEach((group, g) => {
      const subCode = `${pillarCode}.${g + 1}`;
      nodes.push(aggregate(subCode, 2, group, pillarCode));
      group.rows.forEach((r, i) => {
        const feed = feedOf(r.rowId, edition.year);
        if (!feed) {
          throw new Error(
            `Khung minh họa PII: chỉ số dòng ${r.rowId} ("${r.nameVi}") chưa được gắn với chỉ tiêu thống kê nào.`,
          );
        }
        if (feed.denominator) used.add(feed.denominator);
        nodes.push({
          code: `${subCode}.${i + 1}`,
          type: 'Indicator',
          level: 1,
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          parent: subCode,
          weight: 1,
          direction: r.direction,
          denominator: feed.denominator ?? null,
          sourceIndicator: feed.sourceIndicator,
          unitVi: feed.unitVi,
          placement: r.placement,
        });
      });
    });
  }

  for (const code of Object.keys(DENOMINATORS) as DenominatorCode[]) {
    if (!used.has(code)) continue;
    const { nameVi, nameEn, sourceIndicator, unitVi } = DENOMINATORS[code];
    nodes.push({
      ...AGGREGATE,
      type: 'Denominator',
      code,
      level: null,
      parent: null,
      nameVi,
      nameEn,
      sourceIndicator,
      unitVi,
    });
  }
  return nodes;
}

/** The catalogue indicator of a `sourceIndicator` (`CODE` or `CODE.OPTION`). */
export const sourceCode = (sourceIndicator: string) => sourceIndicator.split('.')[0]!;

/**
 * The indicators the form BM-PII carries: every catalogue indicator an edition of the
 * illustrative framework reads, indicators before denominators, in framework order, each ratio
 * preceded by its numerator and denominator (a reporter types those, the ratio is computed).
 */
export function piiFormIndicators(
  ratios: ReadonlyMap<string, { numerator: string; denominator: string }>,
): string[] {
  const out = new Set<string>();
  const add = (code: string) => {
    const ratio = ratios.get(code);
    if (ratio) {
      add(ratio.numerator);
      add(ratio.denominator);
    }
    out.add(code);
  };
  const editions = [2024, 2025].map((year) =>
    illustrativeFramework({ year, unitBasis: 'provinces-34' }),
  );
  for (const type of ['Indicator', 'Denominator'] as const) {
    for (const nodes of editions) {
      for (const n of nodes)
        if (n.type === type && n.sourceIndicator) add(sourceCode(n.sourceIndicator));
    }
  }
  return [...out];
}
