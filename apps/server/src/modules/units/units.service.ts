import { UnitError, UnitRegistry, type UnitRecord } from '@caunoi/units';
import { foldVi, todayInVietnam } from '@caunoi/shared';
import type { Database } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { loadUnits } from './units.repo.js';

/**
 * The unit registry, read from the database once and kept in memory: units are reference data
 * that change only when the shipped reference files do (at start-up).
 */
export class UnitsCache {
  private current: UnitRegistry | undefined;
  constructor(private readonly database: Database) {}

  async reload(): Promise<UnitRegistry> {
    const { units, edges } = await loadUnits(this.database.db);
    this.current = new UnitRegistry(units, edges);
    return this.current;
  }

  get registry(): UnitRegistry {
    if (!this.current) throw new Error('UnitsCache used before reload()');
    return this.current;
  }
}

/** Translates the library's errors into API errors. */
export function unitCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UnitError) {
      const code = error.code === 'UNIT_NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_ERROR';
      throw new AppError(code, error.message, { reason: error.code });
    }
    throw error;
  }
}

export function listUnits(registry: UnitRegistry, asOf: string | undefined, q: string | undefined) {
  const date = asOf ?? todayInVietnam();
  let list = unitCall(() => registry.asOf(date));
  if (q) {
    const needle = foldVi(q);
    list = list.filter(
      (u) =>
        foldVi(u.nameVi).includes(needle) ||
        foldVi(u.nameEn).includes(needle) ||
        u.code === q.trim(),
    );
  }
  return { asOf: date, units: list };
}

export function requireUnit(registry: UnitRegistry, id: string): UnitRecord {
  return unitCall(() => registry.require(id));
}

/** The day on which a unit is shown when no date is given: today if valid, else its last day. */
export function representativeDate(unit: UnitRecord, today = todayInVietnam()): string {
  if (unit.validTo !== null && unit.validTo < today) return unit.validTo;
  if (unit.validFrom > today) return unit.validFrom;
  return today;
}
