import { describe, expect, it } from 'vitest';
import type { LineageRelation } from '@caunoi/shared';
import { referenceRegistry } from '../src/reference.js';
import { lineageRows, newId, NEW_FROM, oldId, TODAY } from './support/data.js';

const registry = referenceRegistry();
const BEFORE = '2024-06-30';

/** The relation a lineage row's free text describes (read independently of the parser). */
function expectedRelation(text: string, oldCode: string, newCode: string): LineageRelation {
  if (text === 'unchanged') return 'unchanged';
  if (text === `merged into ${newCode}`) return 'merged';
  if (text.startsWith('merged; code kept') && oldCode === newCode) return 'merged_code_kept';
  throw new Error(`lineage.csv: unexpected relation "${text}" for ${oldCode} → ${newCode}`);
}

const rows = lineageRows.map((r) => ({
  oldCode: r.old_code!,
  newCode: r.new_code!,
  oldName: r.old_name_vi!,
  newName: r.new_name_vi!,
  relationText: r.relation!,
  sameCode: r.same_numeric_code!,
  effective: r.effective_date!,
}));

describe('lineage.csv is read in full', () => {
  it('has 63 rows, all effective 2025-07-01', () => {
    expect(rows).toHaveLength(63);
    for (const r of rows) expect(r.effective).toBe(NEW_FROM);
  });
});

describe.each(rows)(
  '$oldCode $oldName → $newCode $newName ($relationText)',
  ({ oldCode, newCode, oldName, newName, relationText, sameCode }) => {
    const from = oldId(oldCode);
    const to = newId(newCode);

    it('names the old and new units as the registry does', () => {
      expect(registry.nameOn(registry.require(from), '2025-06-30').nameVi).toBe(oldName);
      expect(registry.nameOn(registry.require(to), NEW_FROM).nameVi).toBe(newName);
      expect(sameCode).toBe(oldCode === newCode ? 'yes' : 'no');
    });

    it.each([NEW_FROM, TODAY])(
      'maps forward from 2024-06-30 to %s: the successor alone, weight 1',
      (date) => {
        const m = registry.map(from, BEFORE, date);
        expect(m.direction).toBe('forward');
        expect(m.from).toEqual({ unitId: from, date: BEFORE });
        expect(m.toDate).toBe(date);
        expect(m.units).toEqual([{ unitId: to, weight: 1, path: [from, to] }]);
        expect(registry.require(m.units[0]!.unitId).code).toBe(newCode);
      },
    );

    it('maps forward from its last day (2025-06-30) to the first day of the new unit', () => {
      const m = registry.map(from, '2025-06-30', NEW_FROM);
      expect(m.units.map((u) => u.unitId)).toEqual([to]);
    });

    it('is found again by mapping the successor back to 2024-06-30', () => {
      const expected = rows
        .filter((r) => r.newCode === newCode)
        .map((r) => oldId(r.oldCode))
        .sort();
      for (const date of [NEW_FROM, TODAY]) {
        const m = registry.map(to, date, BEFORE);
        expect(m.direction).toBe('backward');
        const ids = m.units.map((u) => u.unitId);
        expect(ids).toContain(from);
        expect([...ids].sort()).toEqual(expected);
        for (const u of m.units) {
          expect(u.weight).toBe(1);
          expect(u.path).toEqual([to, u.unitId]);
        }
      }
    });

    it('has the relation its text describes', () => {
      const edges = registry.successorsOf(from);
      expect(edges).toHaveLength(1);
      expect(edges[0]).toMatchObject({
        predecessorId: from,
        successorId: to,
        effectiveDate: NEW_FROM,
        relation: expectedRelation(relationText, oldCode, newCode),
        weight: 1,
      });
      expect(registry.predecessorsOf(to)).toContainEqual(edges[0]);
    });
  },
);

describe('relations across the file', () => {
  it('mark a unit "unchanged" only when it was alone in its successor', () => {
    for (const r of rows) {
      const siblings = rows.filter((s) => s.newCode === r.newCode).length;
      if (r.relationText === 'unchanged') expect(siblings, r.oldCode).toBe(1);
      else expect(siblings, r.oldCode).toBeGreaterThan(1);
    }
  });

  it('give every merged new unit exactly one predecessor that kept its code', () => {
    const merged = new Set(
      rows.filter((r) => r.relationText !== 'unchanged').map((r) => r.newCode),
    );
    for (const code of merged) {
      const kept = registry
        .predecessorsOf(newId(code))
        .filter((e) => e.relation === 'merged_code_kept');
      expect(
        kept.map((e) => e.predecessorId),
        code,
      ).toEqual([oldId(code)]);
    }
  });
});
