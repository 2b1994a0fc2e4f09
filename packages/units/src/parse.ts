import { parse } from 'csv-parse/sync';
import { isIsoDate, type LineageRelation, type UnitType } from '@caunoi/shared';
import { UnitError } from './registry.js';
import type { IsoDate, LineageEdge, UnitNameVersion, UnitRecord } from './types.js';

/** The 63-unit configuration began when Hà Tây merged into Hà Nội (Resolution 15/2008/QH12). */
export const PRE_REFORM_VALID_FROM: IsoDate = '2008-08-01';

export interface ReferenceSources {
  provinces63: string;
  provinces34: string;
  lineage: string;
  nameHistory: string;
}

export interface ReferenceData {
  units: UnitRecord[];
  edges: LineageEdge[];
}

type Row = Record<string, string>;

function rows(csv: string, file: string, required: string[]): Row[] {
  let records: Row[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (error) {
    throw new UnitError(
      'INVALID_REGISTRY',
      `Tệp ${file} không đọc được: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  for (const col of required) {
    if (records.length > 0 && !(col in records[0]!)) {
      throw new UnitError('INVALID_REGISTRY', `Tệp ${file} thiếu cột "${col}".`);
    }
  }
  return records.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.normalize('NFC')])),
  );
}

/** A date column of a reference file: a real calendar date, YYYY-MM-DD. */
function dateIn(value: string | undefined, file: string, column: string): IsoDate {
  if (!value || !isIsoDate(value)) {
    throw new UnitError(
      'INVALID_REGISTRY',
      `Tệp ${file}: cột "${column}" phải là ngày dạng YYYY-MM-DD, nhận "${value ?? ''}".`,
    );
  }
  return value;
}

function optionalDateIn(value: string | undefined, file: string, column: string): IsoDate | null {
  return value ? dateIn(value, file, column) : null;
}

export function parseUnitType(text: string): UnitType {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (t === 'tỉnh' || t === 'province') return 'province';
  if (t === 'thành phố trực thuộc trung ương' || t === 'centrally_run_city')
    return 'centrally_run_city';
  throw new UnitError('INVALID_REGISTRY', `Loại đơn vị không xác định: "${text}"`);
}

export function parseRelation(text: string): LineageRelation {
  const t = text.trim().toLowerCase();
  if (t === 'unchanged') return 'unchanged';
  if (t.startsWith('merged; code kept')) return 'merged_code_kept';
  if (t.startsWith('merged into')) return 'merged';
  throw new UnitError('INVALID_REGISTRY', `Quan hệ kế thừa không xác định: "${text}"`);
}

/**
 * The seat of a unit in Vietnamese. The reference files describe seats with English remarks
 * ("former TP Vinh (unchanged)", "(centrally-run city)"): parenthetical remarks are dropped, a
 * former city becomes "TP Vinh (cũ)" (cities below provincial level ceased on 2025-07-01), and a
 * centrally-run city has no separate seat.
 */
export function seatVi(text: string | undefined, type: UnitType): string | null {
  if (!text || type === 'centrally_run_city') return null;
  const plain = text.replace(/\s*\([^)]*\)/g, '').trim();
  const former = /^former\s+(.+)$/i.exec(plain);
  const seat = former ? `${former[1]} (cũ)` : plain;
  return seat === '' ? null : seat;
}

/**
 * The legal documents a legal-basis text cites ("NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg"), which
 * read the same in Vietnamese and English; the text itself when it cites none.
 */
export function citedDocuments(text: string | undefined): string | null {
  if (!text) return null;
  const cited = text.match(/\b(?:NQ|QĐ|NĐ|TT|CT|KL)\s*\d+\/\d{4}\/[\p{L}\d-]+/gu);
  return cited ? [...new Set(cited)].join('; ') : text.trim();
}

function dayAfter(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Applies an override interval onto a tiling of name versions. */
export function applyNameOverride(
  versions: UnitNameVersion[],
  override: UnitNameVersion,
): UnitNameVersion[] {
  const out: UnitNameVersion[] = [];
  const oFrom = override.validFrom;
  const oTo = override.validTo;
  for (const v of versions) {
    const vTo = v.validTo;
    const endsBefore = vTo !== null && vTo < oFrom;
    const startsAfter = oTo !== null && v.validFrom > oTo;
    if (endsBefore || startsAfter) {
      out.push(v);
      continue;
    }
    if (v.validFrom < oFrom) out.push({ ...v, validTo: dayBefore(oFrom) });
    if (oTo !== null && (vTo === null || vTo > oTo)) out.push({ ...v, validFrom: dayAfter(oTo) });
  }
  out.push(override);
  return out.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Parses the shipped CSV reference files into unit records and lineage edges. */
export function parseReferenceData(src: ReferenceSources): ReferenceData {
  const old = rows(src.provinces63, 'provinces_63.csv', [
    'code',
    'name_vi',
    'full_name_vi',
    'name_en',
    'name_ascii',
    'type',
    'region',
    'region_en',
    'valid_to',
  ]);
  const now = rows(src.provinces34, 'provinces_34.csv', [
    'code',
    'name_vi',
    'full_name_vi_2025_07_01',
    'name_en',
    'name_ascii',
    'type_2025_07_01',
    'region_commonly_used_UNVERIFIED',
  ]);
  const lineage = rows(src.lineage, 'lineage.csv', [
    'old_code',
    'new_code',
    'effective_date',
    'relation',
  ]);
  const history = rows(src.nameHistory, 'name_history.csv', [
    'unit_code',
    'unit_valid_from',
    'valid_from',
    'valid_to',
    'name_vi',
    'full_name_vi',
    'name_en',
    'type',
  ]);

  const regionEn = new Map(old.map((r) => [r.region!, r.region_en!]));
  const units: UnitRecord[] = [];

  for (const l of lineage) dateIn(l.effective_date, 'lineage.csv', 'effective_date');
  for (const h of history) {
    dateIn(h.unit_valid_from, 'name_history.csv', 'unit_valid_from');
    dateIn(h.valid_from, 'name_history.csv', 'valid_from');
    optionalDateIn(h.valid_to, 'name_history.csv', 'valid_to');
  }

  const reformDate = lineage[0]?.effective_date ?? '2025-07-01';
  for (const r of old) {
    const validTo = optionalDateIn(r.valid_to, 'provinces_63.csv', 'valid_to');
    units.push({
      id: `${r.code}@${PRE_REFORM_VALID_FROM}`,
      code: r.code!,
      validFrom: PRE_REFORM_VALID_FROM,
      validTo,
      regionVi: r.region!,
      regionEn: r.region_en!,
      regionVerified: true,
      seat: seatVi(r.seat_before_2025_07_01, parseUnitType(r.type!)),
      notes: r.notes || null,
      names: [
        {
          validFrom: PRE_REFORM_VALID_FROM,
          validTo,
          nameVi: r.name_vi!,
          fullNameVi: r.full_name_vi!,
          nameEn: r.name_en!,
          nameAscii: r.name_ascii!,
          type: parseUnitType(r.type!),
          legalBasis: null,
        },
      ],
    });
  }
  for (const r of now) {
    const region = r.region_commonly_used_UNVERIFIED!;
    units.push({
      id: `${r.code}@${reformDate}`,
      code: r.code!,
      validFrom: reformDate,
      validTo: null,
      regionVi: region,
      regionEn: regionEn.get(region) ?? region,
      regionVerified: false,
      seat: seatVi(r.admin_centre_city, parseUnitType(r.type_2025_07_01!)),
      notes: r.notes || null,
      names: [
        {
          validFrom: reformDate,
          validTo: null,
          nameVi: r.name_vi!,
          fullNameVi: r.full_name_vi_2025_07_01!,
          nameEn: r.name_en!,
          nameAscii: r.name_ascii!,
          type: parseUnitType(r.type_2025_07_01!),
          legalBasis: 'NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg',
        },
      ],
    });
  }

  const byId = new Map(units.map((u) => [u.id, u]));
  for (const h of history) {
    const unit = byId.get(`${h.unit_code}@${h.unit_valid_from}`);
    if (!unit) {
      throw new UnitError(
        'INVALID_REGISTRY',
        `name_history.csv: không có đơn vị ${h.unit_code}@${h.unit_valid_from}.`,
      );
    }
    unit.names = applyNameOverride(unit.names, {
      validFrom: h.valid_from!,
      validTo: h.valid_to || null,
      nameVi: h.name_vi!,
      fullNameVi: h.full_name_vi!,
      nameEn: h.name_en!,
      nameAscii: h.name_ascii || h.name_en!,
      type: parseUnitType(h.type!),
      legalBasis: h.legal_basis || null,
    });
  }

  const edges: LineageEdge[] = lineage.map((l) => {
    const effective = l.effective_date!;
    const predecessor = units.find(
      (u) => u.code === l.old_code && u.validTo === dayBefore(effective),
    );
    const successor = units.find((u) => u.code === l.new_code && u.validFrom === effective);
    if (!predecessor || !successor) {
      throw new UnitError(
        'INVALID_REGISTRY',
        `lineage.csv: không ghép được ${l.old_code} → ${l.new_code} ngày ${effective}.`,
      );
    }
    return {
      predecessorId: predecessor.id,
      successorId: successor.id,
      effectiveDate: effective,
      relation: parseRelation(l.relation!),
      weight: l.weight ? Number(l.weight) : 1,
      legalBasis: citedDocuments(l.legal_basis),
    };
  });
  return { units, edges };
}
