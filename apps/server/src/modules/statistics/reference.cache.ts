import { referenceStats, type ReferenceStats } from '@caunoi/shared';

/**
 * What a report's values are compared with to flag outliers (decision 0022): the unit's own
 * earlier periods and the other units of the same period. Reading them is the heaviest part of
 * showing a report, and officers save the same report many times in a session, so both are kept
 * for a minute:
 * - the history per (form, unit, period): a write through this server to one of those earlier
 *   values drops it at once;
 * - the figures of every unit of the form in the period, per (form, period): shared by all the
 *   provinces, each leaving itself out, and up to a minute old, which suits a warning that asks
 *   "is this figure right?".
 */
export const REFERENCE_TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

/** By cell (`CODE\u0001OPTION`). */
export type StatsByCell = Map<string, ReferenceStats>;

/** Stored numbers by cell, with the unit each came from. */
export interface PeriodFigures {
  byCell: Map<string, Array<{ unitId: string; num: number }>>;
}

/** The statistics of each cell's numbers, those of `leaveOut` aside. */
export function statsOf(figures: PeriodFigures, leaveOut?: string): StatsByCell {
  const stats: StatsByCell = new Map();
  for (const [cell, values] of figures.byCell) {
    const s = referenceStats(values.filter((v) => v.unitId !== leaveOut).map((v) => v.num));
    if (s) stats.set(cell, s);
  }
  return stats;
}

interface Entry<V> {
  at: number;
  /** `unit \u0001 period` of the values read, when a write there drops the entry. */
  sources: Set<string> | null;
  value: Promise<V>;
}

const source = (unitId: string, periodCode: string) => `${unitId}\u0001${periodCode}`;

/** Promises kept for the TTL, least recently used dropped first, failures never kept. */
class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly now: () => number) {}

  get(key: string, sources: Set<string> | null, compute: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    const now = this.now();
    this.entries.delete(key);
    if (found && now - found.at < REFERENCE_TTL_MS) {
      this.entries.set(key, found);
      return found.value;
    }
    const entry: Entry<V> = { at: now, sources, value: compute() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  invalidate(touched: ReadonlySet<string>): void {
    for (const [key, entry] of this.entries) {
      if (!entry.sources) continue;
      for (const t of touched) {
        if (entry.sources.has(t)) {
          this.entries.delete(key);
          break;
        }
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

export class ReferenceCache {
  private readonly history: TtlCache<StatsByCell>;
  private readonly periods: TtlCache<PeriodFigures>;
  /** Each unit's statistics of a period, derived from the figures they were computed from. */
  private readonly peers = new WeakMap<PeriodFigures, Map<string, StatsByCell>>();

  constructor(now: () => number = Date.now) {
    this.history = new TtlCache(now);
    this.periods = new TtlCache(now);
  }

  /** The statistics of the unit's own earlier values; `read` runs when they are not kept. */
  historyOf(
    key: string,
    read: { unitIds: readonly string[]; periodCodes: readonly string[] },
    compute: () => Promise<StatsByCell>,
  ): Promise<StatsByCell> {
    const sources = new Set<string>();
    for (const u of read.unitIds) for (const p of read.periodCodes) sources.add(source(u, p));
    return this.history.get(key, sources, compute);
  }

  /** The statistics of the other units' figures of the period, `unitId` left out. */
  async peersOf(
    key: string,
    unitId: string,
    compute: () => Promise<PeriodFigures>,
  ): Promise<StatsByCell> {
    const figures = await this.periods.get(key, null, compute);
    let byUnit = this.peers.get(figures);
    if (!byUnit) {
      byUnit = new Map();
      this.peers.set(figures, byUnit);
    }
    let stats = byUnit.get(unitId);
    if (!stats) {
      stats = statsOf(figures, unitId);
      byUnit.set(unitId, stats);
    }
    return stats;
  }

  /** Values of these (unit, period) pairs changed. */
  invalidate(touched: Iterable<{ unitId: string; periodCode: string }>): void {
    const keys = new Set<string>();
    for (const t of touched) keys.add(source(t.unitId, t.periodCode));
    if (keys.size > 0) this.history.invalidate(keys);
  }

  clear(): void {
    this.history.clear();
    this.periods.clear();
  }
}

/**
 * The server's cache. Keys start with the form's id, unique to its database, so that several
 * databases served by one process (the tests) never share an entry.
 */
export const referenceCache = new ReferenceCache();
