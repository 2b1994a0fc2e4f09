import { describe, expect, it } from 'vitest';
import { compareVi } from '@caunoi/shared';
import { PRE_REFORM_VALID_FROM, parseUnitType } from '../src/index.js';
import { loadReferenceData, referenceRegistry } from '../src/reference.js';
import {
  lineageRows,
  nameHistoryRows,
  newId,
  NEW_FROM,
  oldId,
  OLD_FROM,
  provinces34Rows,
  provinces63Rows,
  TODAY,
} from './support/data.js';

const registry = referenceRegistry();

describe('the shipped files', () => {
  it('hold 63 former units, 34 new units, 63 lineage rows', () => {
    expect(provinces63Rows).toHaveLength(63);
    expect(provinces34Rows).toHaveLength(34);
    expect(lineageRows).toHaveLength(63);
    expect(new Set(provinces63Rows.map((r) => r.code)).size).toBe(63);
    expect(new Set(provinces34Rows.map((r) => r.code)).size).toBe(34);
    expect(new Set(lineageRows.map((r) => r.old_code)).size).toBe(63);
  });

  it('agree with each other: lineage ↔ successor_code ↔ predecessor_codes', () => {
    const successorByOld = new Map(provinces63Rows.map((r) => [r.code, r.successor_code]));
    for (const row of lineageRows) {
      expect(successorByOld.get(row.old_code!), row.old_code).toBe(row.new_code);
    }
    for (const row of provinces34Rows) {
      const fromLineage = lineageRows
        .filter((l) => l.new_code === row.code)
        .map((l) => l.old_code)
        .sort();
      expect(fromLineage, row.code).toEqual(row.predecessor_codes!.split(';').sort());
    }
  });

  it('begin the 63-unit configuration on 2008-08-01', () => {
    expect(PRE_REFORM_VALID_FROM).toBe(OLD_FROM);
    expect(registry.earliestDate).toBe(OLD_FROM);
  });
});

describe('units valid on a day', () => {
  it.each([
    ['2008-08-01', 63],
    ['2024-06-30', 63],
    ['2024-12-31', 63],
    ['2025-01-01', 63],
    ['2025-06-30', 63],
    ['2025-07-01', 34],
    ['2026-04-30', 34],
    [TODAY, 34],
  ])('%s: %i units', (date, count) => {
    const list = registry.asOf(date);
    expect(list).toHaveLength(count);
    expect(new Set(list.map((u) => u.code)).size).toBe(count);
    for (const u of list) expect(u.asOf).toBe(date);
  });

  it('are the former units up to 2025-06-30 and the new ones from 2025-07-01', () => {
    const before = registry.asOf('2025-06-30');
    const after = registry.asOf('2025-07-01');
    expect(before.map((u) => u.id).sort()).toEqual(
      provinces63Rows.map((r) => oldId(r.code!)).sort(),
    );
    expect(after.map((u) => u.id).sort()).toEqual(
      provinces34Rows.map((r) => newId(r.code!)).sort(),
    );
    for (const u of before) expect(u).toMatchObject({ validFrom: OLD_FROM, validTo: '2025-06-30' });
    for (const u of after) expect(u).toMatchObject({ validFrom: NEW_FROM, validTo: null });
  });

  it('carry the names of the CSV files', () => {
    const before = new Map(registry.asOf('2025-06-30').map((u) => [u.code, u]));
    for (const row of provinces63Rows) {
      const u = before.get(row.code!)!;
      expect(u.nameVi, row.code).toBe(row.name_vi);
      expect(u.fullNameVi, row.code).toBe(row.full_name_vi);
      expect(u.nameEn, row.code).toBe(row.name_en);
      expect(u.nameAscii, row.code).toBe(row.name_ascii);
      expect(u.type, row.code).toBe(parseUnitType(row.type!));
      expect(u.regionVi, row.code).toBe(row.region);
      expect(u.regionEn, row.code).toBe(row.region_en);
      expect(u.regionVerified).toBe(true);
    }
    const after = new Map(registry.asOf(NEW_FROM).map((u) => [u.code, u]));
    for (const row of provinces34Rows) {
      const u = after.get(row.code!)!;
      expect(u.nameVi, row.code).toBe(row.name_vi);
      expect(u.fullNameVi, row.code).toBe(row.full_name_vi_2025_07_01);
      expect(u.nameEn, row.code).toBe(row.name_en);
      expect(u.type, row.code).toBe(parseUnitType(row.type_2025_07_01!));
      expect(u.regionVi, row.code).toBe(row.region_commonly_used_UNVERIFIED);
      expect(u.regionVerified).toBe(false);
    }
  });

  it('give every new unit an English region name taken from the former regions', () => {
    const englishByVi = new Map(provinces63Rows.map((r) => [r.region!, r.region_en!]));
    for (const u of registry.asOf(TODAY)) {
      expect(englishByVi.get(u.regionVi), u.id).toBe(u.regionEn);
    }
  });

  it('end with the type the CSV calls current (type_current)', () => {
    for (const row of provinces34Rows) {
      const unit = registry.require(newId(row.code!));
      const last = unit.names[unit.names.length - 1]!;
      expect(last.validTo).toBeNull();
      expect(last.type, row.code).toBe(parseUnitType(row.type_current!));
    }
  });

  it('are in Vietnamese alphabetical order', () => {
    for (const date of ['2024-12-31', TODAY]) {
      const names = registry.asOf(date).map((u) => u.nameVi);
      for (let i = 1; i < names.length; i++) {
        expect(compareVi(names[i - 1]!, names[i]!), `${names[i - 1]} / ${names[i]}`).toBeLessThan(
          0,
        );
      }
    }
    const names = registry.asOf('2024-12-31').map((u) => u.nameVi);
    // a < ă < â, d < đ, and the tone marks come after the base letters.
    expect(names.indexOf('Bạc Liêu')).toBeLessThan(names.indexOf('Bắc Giang'));
    expect(names.indexOf('Bình Dương')).toBeLessThan(names.indexOf('Bình Định'));
    expect(names.indexOf('Bình Định')).toBeLessThan(names.indexOf('Bình Phước'));
    expect(names.indexOf('Hà Tĩnh')).toBeLessThan(names.indexOf('Hải Dương'));
    expect(names.indexOf('Hậu Giang')).toBeLessThan(names.indexOf('Hòa Bình'));
    expect(names.at(-1)).toBe('Yên Bái');
    expect(registry.asOf(TODAY).map((u) => u.nameVi)[0]).toBe('An Giang');
  });
});

describe('lineage', () => {
  it('has one edge per lineage row (63), effective 2025-07-01, weight 1', () => {
    expect(registry.edges).toHaveLength(63);
    for (const e of registry.edges) {
      expect(e.effectiveDate).toBe(NEW_FROM);
      expect(e.weight).toBe(1);
      expect(e.legalBasis).toMatch(/202\/2025\/QH15/);
    }
    const pairs = registry.edges.map((e) => `${e.predecessorId}>${e.successorId}`).sort();
    expect(pairs).toEqual(
      lineageRows.map((r) => `${oldId(r.old_code!)}>${newId(r.new_code!)}`).sort(),
    );
  });

  it('gives every former unit exactly one successor, and no new unit a successor', () => {
    for (const row of provinces63Rows) {
      const out = registry.successorsOf(oldId(row.code!));
      expect(out, row.code).toHaveLength(1);
      expect(out[0]!.successorId).toBe(newId(row.successor_code!));
      expect(registry.predecessorsOf(oldId(row.code!))).toEqual([]);
    }
    for (const row of provinces34Rows) {
      expect(registry.successorsOf(newId(row.code!))).toEqual([]);
    }
  });

  it("gives every new unit the predecessors listed in provinces_34.csv's predecessor_codes", () => {
    for (const row of provinces34Rows) {
      const preds = registry.predecessorsOf(newId(row.code!));
      expect(preds.map((e) => e.predecessorId).sort(), row.code).toEqual(
        row.predecessor_codes!.split(';').map(oldId).sort(),
      );
      const names = preds.map(
        (e) => registry.nameOn(registry.require(e.predecessorId), '2025-06-30').nameVi,
      );
      expect(names.sort(compareVi), row.code).toEqual(
        row.predecessor_names!.split(';').sort(compareVi),
      );
    }
  });

  it('leaves the loaded data untouched between callers (a fresh copy each time)', () => {
    const a = loadReferenceData();
    a.units[0]!.names[0]!.nameVi = 'Đã sửa';
    a.edges.pop();
    const b = loadReferenceData();
    expect(b.units[0]!.names[0]!.nameVi).not.toBe('Đã sửa');
    expect(b.edges).toHaveLength(63);
  });
});

describe('name_history.csv', () => {
  it('is applied: each row is the name of its unit over its interval', () => {
    expect(nameHistoryRows.length).toBeGreaterThan(0);
    for (const row of nameHistoryRows) {
      const unit = registry.require(`${row.unit_code}@${row.unit_valid_from}`);
      const version = unit.names.find((n) => n.validFrom === row.valid_from);
      expect(version, row.unit_code).toMatchObject({
        validTo: row.valid_to || null,
        nameVi: row.name_vi,
        fullNameVi: row.full_name_vi,
        nameEn: row.name_en,
        type: row.type,
      });
    }
  });
});
