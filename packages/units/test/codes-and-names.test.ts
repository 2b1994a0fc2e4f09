import { describe, expect, it } from 'vitest';
import { referenceRegistry } from '../src/reference.js';
import { newId, NEW_FROM, oldId, provinces34Rows, provinces63Rows, TODAY } from './support/data.js';

const registry = referenceRegistry();

const EXPECTED_REUSED: Record<string, [before: string, after: string]> = {
  '15': ['Yên Bái', 'Lào Cai'],
  '24': ['Bắc Giang', 'Bắc Ninh'],
  '44': ['Quảng Bình', 'Quảng Trị'],
  '52': ['Bình Định', 'Gia Lai'],
  '80': ['Long An', 'Tây Ninh'],
  '82': ['Tiền Giang', 'Đồng Tháp'],
  '91': ['Kiên Giang', 'An Giang'],
};

/** Codes whose unit on `before` bears another name than the unit with that code on 2025-07-01. */
function codesRenamedAcross(before: string): string[] {
  const after = new Map(registry.asOf(NEW_FROM).map((u) => [u.code, u.nameVi]));
  return registry
    .asOf(before)
    .filter((u) => after.has(u.code) && after.get(u.code) !== u.nameVi)
    .map((u) => u.code)
    .sort();
}

const reused = codesRenamedAcross('2025-06-30');

describe('the seven reused codes', () => {
  it('are derived from the data: 15, 24, 44, 52, 80, 82, 91', () => {
    expect(reused).toEqual(Object.keys(EXPECTED_REUSED).sort());
    const namesAfter = new Map(provinces34Rows.map((r) => [r.code, r.name_vi]));
    const fromCsv = provinces63Rows
      .filter((r) => namesAfter.has(r.code) && namesAfter.get(r.code) !== r.name_vi)
      .map((r) => r.code)
      .sort();
    expect(fromCsv).toEqual(reused);
  });

  it('differ on 2024-12-31 only by Huế, which renamed itself on 2025-01-01 and kept its code', () => {
    expect(codesRenamedAcross('2024-12-31')).toEqual([...reused, '46'].sort());
    expect(registry.resolveCode('46', '2024-12-31')!.id).toBe(
      registry.resolveCode('46', '2025-06-30')!.id,
    );
  });

  describe.each(reused)('code %s', (code) => {
    const [nameBefore, nameAfter] = EXPECTED_REUSED[code]!;

    it('resolves to two different units before and after the reform', () => {
      const before = registry.resolveCode(code, '2024-12-31')!;
      const lastDay = registry.resolveCode(code, '2025-06-30')!;
      const after = registry.resolveCode(code, NEW_FROM)!;
      const today = registry.resolveCode(code, TODAY)!;
      expect(before.id).toBe(oldId(code));
      expect(lastDay.id).toBe(oldId(code));
      expect(after.id).toBe(newId(code));
      expect(today.id).toBe(newId(code));
      expect(before.id).not.toBe(after.id);
      expect(registry.nameOn(before, '2024-12-31').nameVi).toBe(nameBefore);
      expect(registry.nameOn(after, NEW_FROM).nameVi).toBe(nameAfter);
    });

    it('takes the former unit that bore it into the new unit that bears it', () => {
      const m = registry.map(oldId(code), '2024-12-31', NEW_FROM);
      expect(m.units).toEqual([
        { unitId: newId(code), weight: 1, path: [oldId(code), newId(code)] },
      ]);
    });

    it("takes the former namesake under its old code to the new unit, not to the code's old holder", () => {
      const namesake = provinces63Rows.find((r) => r.name_vi === nameAfter)!;
      expect(namesake.code).not.toBe(code);
      const m = registry.map(oldId(namesake.code!), '2024-12-31', NEW_FROM);
      expect(m.units.map((u) => u.unitId)).toEqual([newId(code)]);
      // The namesake's own code is not used by any unit after the reform.
      expect(registry.resolveCode(namesake.code!, NEW_FROM)).toBeUndefined();
      // Back from the new unit: both former units, each once.
      const back = registry.map(newId(code), NEW_FROM, '2024-12-31');
      expect(back.units.map((u) => u.unitId).sort()).toEqual(
        [oldId(code), oldId(namesake.code!)].sort(),
      );
    });
  });

  it('never confuse old and new Lào Cai', () => {
    const oldLaoCai = registry.resolveCode('10', '2024-12-31')!;
    expect(oldLaoCai.id).toBe('10@2008-08-01');
    expect(registry.nameOn(oldLaoCai, '2024-12-31').nameVi).toBe('Lào Cai');
    expect(registry.map('10@2008-08-01', '2024-12-31', NEW_FROM).units[0]!.unitId).toBe(
      '15@2025-07-01',
    );
    expect(registry.map('15@2008-08-01', '2024-12-31', NEW_FROM).units[0]!.unitId).toBe(
      '15@2025-07-01',
    );
    expect(registry.nameOn(registry.require('15@2008-08-01'), '2024-12-31').nameVi).toBe('Yên Bái');
  });

  it('map An Giang and Kiên Giang both into the new An Giang (91)', () => {
    expect(registry.resolveCode('91', '2024-12-31')!.id).toBe('91@2008-08-01');
    expect(registry.resolveCode('91', NEW_FROM)!.id).toBe('91@2025-07-01');
    expect(registry.resolveCode('89', NEW_FROM)).toBeUndefined();
    const back = registry.map('91@2025-07-01', TODAY, '2024-12-31');
    expect(
      back.units.map((u) => registry.nameOn(registry.require(u.unitId), '2024-12-31').nameVi),
    ).toEqual(['An Giang', 'Kiên Giang']);
  });
});

describe('resolveCode', () => {
  it('pads and trims the code', () => {
    expect(registry.resolveCode('1', TODAY)!.id).toBe('01@2025-07-01');
    expect(registry.resolveCode(' 31 ', '2024-12-31')!.id).toBe('31@2008-08-01');
  });

  it('finds nothing for an unknown code or a code not in use that day', () => {
    expect(registry.resolveCode('99', TODAY)).toBeUndefined();
    expect(registry.resolveCode('36', NEW_FROM)).toBeUndefined();
    expect(registry.resolveCode('36', '2025-06-30')!.id).toBe('36@2008-08-01');
  });
});

describe('Huế (code 46)', () => {
  const hue = registry.require('46@2008-08-01');

  it('is "Thừa Thiên Huế", a province, on 2024-12-31', () => {
    expect(registry.snapshot(hue, '2024-12-31')).toMatchObject({
      id: '46@2008-08-01',
      code: '46',
      nameVi: 'Thừa Thiên Huế',
      fullNameVi: 'Tỉnh Thừa Thiên Huế',
      type: 'province',
    });
  });

  it('is "Huế", a centrally-run city, from 2025-01-01 — the same unit', () => {
    expect(registry.snapshot(hue, '2025-01-01')).toMatchObject({
      id: '46@2008-08-01',
      nameVi: 'Huế',
      fullNameVi: 'Thành phố Huế',
      type: 'centrally_run_city',
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
    });
    expect(registry.resolveCode('46', '2024-12-31')).toBe(hue);
    expect(registry.resolveCode('46', '2025-01-01')).toBe(hue);
  });

  it('has two name versions tiling its life', () => {
    expect(hue.names.map((n) => [n.validFrom, n.validTo, n.nameVi, n.type])).toEqual([
      ['2008-08-01', '2024-12-31', 'Thừa Thiên Huế', 'province'],
      ['2025-01-01', '2025-06-30', 'Huế', 'centrally_run_city'],
    ]);
  });

  it('maps 2024-12-31 → 2025-03-01 onto itself, forward, weight 1', () => {
    const m = registry.map(hue.id, '2024-12-31', '2025-03-01');
    expect(m.direction).toBe('forward');
    expect(m.units).toEqual([{ unitId: hue.id, weight: 1, path: [hue.id] }]);
    expect(registry.map(hue.id, '2025-03-01', '2024-12-31')).toMatchObject({
      direction: 'backward',
      units: [{ unitId: hue.id, weight: 1 }],
    });
  });

  it('maps 2024-12-31 → 2025-07-01 onto the new unit 46@2025-07-01', () => {
    const m = registry.map(hue.id, '2024-12-31', NEW_FROM);
    expect(m.units).toEqual([
      { unitId: '46@2025-07-01', weight: 1, path: [hue.id, '46@2025-07-01'] },
    ]);
    expect(registry.snapshot(registry.require('46@2025-07-01'), NEW_FROM)).toMatchObject({
      nameVi: 'Huế',
      type: 'centrally_run_city',
    });
  });

  it('is listed under the name of the day', () => {
    const find = (date: string) => registry.asOf(date).find((u) => u.code === '46')!;
    expect(find('2024-12-31').nameVi).toBe('Thừa Thiên Huế');
    expect(find('2025-01-01').nameVi).toBe('Huế');
    expect(find('2025-01-01').id).toBe(find('2024-12-31').id);
  });
});

describe('Đồng Nai (75@2025-07-01)', () => {
  const dongNai = registry.require('75@2025-07-01');

  it('is a province until 2026-04-29', () => {
    for (const date of [NEW_FROM, '2026-04-29']) {
      expect(registry.snapshot(dongNai, date)).toMatchObject({
        nameVi: 'Đồng Nai',
        fullNameVi: 'Tỉnh Đồng Nai',
        type: 'province',
      });
    }
  });

  it('is the centrally-run city "Thành phố Đồng Nai" from 2026-04-30', () => {
    for (const date of ['2026-04-30', TODAY]) {
      expect(registry.snapshot(dongNai, date)).toMatchObject({
        id: '75@2025-07-01',
        nameVi: 'Đồng Nai',
        fullNameVi: 'Thành phố Đồng Nai',
        type: 'centrally_run_city',
      });
    }
    expect(registry.resolveCode('75', '2026-04-29')).toBe(dongNai);
    expect(registry.resolveCode('75', '2026-04-30')).toBe(dongNai);
  });

  it('maps across its change of type onto itself', () => {
    expect(registry.map(dongNai.id, '2026-04-29', '2026-04-30').units).toEqual([
      { unitId: dongNai.id, weight: 1, path: [dongNai.id] },
    ]);
  });

  it('was a province before the reform, too (75@2008-08-01)', () => {
    expect(registry.snapshot(registry.require('75@2008-08-01'), '2024-12-31').type).toBe(
      'province',
    );
  });
});
