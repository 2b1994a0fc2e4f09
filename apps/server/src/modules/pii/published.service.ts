import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { foldVi, type PiiNode, type PiiPublishedResult, type PiiUnitBasis } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import type { Ctx, WriteScope } from '../../core/context.js';
import { PII_PUBLISHED_RESULTS_CSV } from '../../seed/pii-framework.js';
import { editionBases } from './editions.repo.js';
import { installEditions, type EditionInstallResult } from './editions.service.js';
import { publishedRows, replacePublished, type PublishedRow } from './published.repo.js';

/** The day whose provinces an edition's unit basis names. */
export const UNIT_BASIS_DATE: Record<PiiUnitBasis, string> = {
  'provinces-63': '2025-06-30',
  'provinces-34': '2025-07-01',
};

/** Up to PII 2024 the index ranked the 63 former provinces; from PII 2025, today's 34. */
export function defaultUnitBasis(year: number): PiiUnitBasis {
  return year <= 2024 ? 'provinces-63' : 'provinces-34';
}

const PREFIXES = [['thanh', 'pho'], ['tp'], ['tinh']];

/** Words of a name, folded (no tones, lower case), without a leading "Thành phố", "TP." or "Tỉnh". */
function words(name: string): string[] {
  const w = foldVi(name)
    .split(/[^a-z0-9]+/)
    .filter((x) => x !== '');
  for (const p of PREFIXES) {
    if (w.length > p.length && p.every((x, i) => w[i] === x)) return w.slice(p.length);
  }
  return w;
}

/**
 * Finds a province by the name a newspaper gives it, among the units valid on a day: any of the
 * unit's names over time ("Thừa Thiên Huế" and "Huế"), Vietnamese or English, with or without
 * tones, hyphens and spaces ("Bà Rịa-Vũng Tàu"), or the initials of a name of three words or
 * more ("TP.HCM"). A name that fits no unit, or more than one, is not matched.
 */
export class ProvinceMatcher {
  private readonly byName = new Map<string, Set<string>>();
  private readonly byInitials = new Map<string, Set<string>>();

  constructor(registry: UnitRegistry, date: string) {
    for (const snapshot of registry.asOf(date)) {
      const unit = registry.require(snapshot.id);
      for (const n of unit.names) {
        for (const name of [n.nameVi, n.fullNameVi, n.nameEn, n.nameAscii]) {
          const w = words(name);
          add(this.byName, w.join(''), unit.id);
          if (w.length >= 3) add(this.byInitials, w.map((x) => x[0]).join(''), unit.id);
        }
      }
    }
  }

  match(name: string): string | null {
    const key = words(name).join('');
    const found = this.byName.get(key) ?? this.byInitials.get(key);
    return found?.size === 1 ? [...found][0]! : null;
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  if (key === '') return;
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads the published results file: a header (year, province, pii_score, rank, of_n,
 * input_score, output_score, p1_…–p7_…, notes, source) then one line per figure. Each province is
 * matched in the unit registry on the basis of its year's edition.
 */
export function readPublishedResults(
  text: string,
  registry: UnitRegistry,
  basisOf: (year: number) => PiiUnitBasis,
): PublishedRow[] {
  const records: Record<string, string>[] = parse(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  const header = Object.keys(records[0] ?? {});
  const pillarColumns = [1, 2, 3, 4, 5, 6, 7].map((k) => {
    const c = header.find((h) => h.startsWith(`p${k}_`));
    if (c === undefined) throw new Error(`published results: no column for pillar ${k}`);
    return c;
  });
  const matchers = new Map<PiiUnitBasis, ProvinceMatcher>();
  const matcher = (basis: PiiUnitBasis) => {
    let m = matchers.get(basis);
    if (!m) matchers.set(basis, (m = new ProvinceMatcher(registry, UNIT_BASIS_DATE[basis])));
    return m;
  };
  return records.map((r, i): PublishedRow => {
    const line = i + 2;
    const num = (column: string): number | null => {
      const t = r[column];
      if (t === undefined) throw new Error(`published results: no column ${column}`);
      if (t === '' || t === 'NA') return null;
      if (!NUMBER.test(t)) throw new Error(`published results line ${line}, ${column}: '${t}'`);
      return Number(t);
    };
    const int = (column: string) => {
      const x = num(column);
      if (x !== null && !Number.isInteger(x)) {
        throw new Error(`published results line ${line}, ${column}: not an integer`);
      }
      return x;
    };
    const year = int('year');
    const provinceName = r.province ?? '';
    const source = r.source ?? '';
    if (year === null || provinceName === '' || source === '') {
      throw new Error(`published results line ${line}: year, province and source are required`);
    }
    return {
      year,
      provinceName: provinceName.normalize('NFC'),
      unitId: matcher(basisOf(year)).match(provinceName),
      score: num('pii_score'),
      rank: int('rank'),
      ofN: int('of_n'),
      inputScore: num('input_score'),
      outputScore: num('output_score'),
      pillars: pillarColumns.map(num),
      notes: r.notes ? r.notes.normalize('NFC') : null,
      source: source.normalize('NFC'),
      position: i + 1,
    };
  });
}

/**
 * The results as the API shows them: `conflict` marks a figure that another one of the same year
 * and province contradicts (score or rank; a figure left out contradicts nothing).
 */
export function presentPublished(rows: readonly PublishedRow[]): PiiPublishedResult[] {
  const groupOf = (p: PublishedRow) => `${p.year}|${p.unitId ?? words(p.provinceName).join('')}`;
  const differ = (a: number | null, b: number | null) => a !== null && b !== null && a !== b;
  return rows.map((p) => ({
    year: p.year,
    provinceName: p.provinceName,
    unitId: p.unitId,
    score: p.score,
    rank: p.rank,
    ofN: p.ofN,
    inputScore: p.inputScore,
    outputScore: p.outputScore,
    pillars: p.pillars,
    notes: p.notes,
    source: p.source,
    conflict: rows.some(
      (o) =>
        o !== p &&
        groupOf(o) === groupOf(p) &&
        (differ(o.score, p.score) || differ(o.rank, p.rank)),
    ),
  }));
}

export interface PublishedSyncResult {
  /** Rows now stored (null when the file had not changed). */
  loaded: number | null;
  /** Province names not matched to a unit. */
  unmatched: string[];
}

/**
 * Loads the shipped published results when they differ from those stored: every row replaced
 * in the caller's transaction, audited as the system's.
 */
export async function syncPublishedResults(
  { tx, audit }: WriteScope,
  registry: UnitRegistry,
  file = fileURLToPath(PII_PUBLISHED_RESULTS_CSV),
): Promise<PublishedSyncResult> {
  const editions = new Map((await editionBases(tx)).map((e) => [e.year, e.unitBasis]));
  const next = readPublishedResults(
    readFileSync(file, 'utf8'),
    registry,
    (year) => editions.get(year) ?? defaultUnitBasis(year),
  );
  const unmatched = next.filter((p) => p.unitId === null).map((p) => `${p.year} ${p.provinceName}`);
  const stored = (await publishedRows(tx)).sort((a, b) => a.position - b.position);
  if (JSON.stringify(stored) === JSON.stringify(next)) return { loaded: null, unmatched };
  await replacePublished(tx, next);
  await audit({
    entityType: 'pii_published_results',
    entityId: 'reference',
    action: 'reference_update',
    before: { rows: stored.length },
    after: { rows: next.length, unmatched },
  });
  return { loaded: next.length, unmatched };
}

export interface PiiReferenceResult {
  editions: EditionInstallResult;
  published: PublishedSyncResult;
}

/**
 * The index's reference data: the illustrative editions on a database that has none yet, then
 * the published results (matched on the unit basis of each year's edition).
 */
export async function syncPiiReference(
  scope: WriteScope,
  registry: UnitRegistry,
  framework: (edition: { year: number; unitBasis: PiiUnitBasis }) => PiiNode[],
): Promise<PiiReferenceResult> {
  const editions = await installEditions(scope, framework);
  const published = await syncPublishedResults(scope, registry);
  return { editions, published };
}

/** Published results of a year (or every year). */
export async function listPublished(ctx: Ctx, year?: number): Promise<PiiPublishedResult[]> {
  return presentPublished(await publishedRows(ctx.database.db, year));
}
