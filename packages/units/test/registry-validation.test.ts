import { describe, expect, it } from 'vitest';
import { UnitError, UnitRegistry, type LineageEdge, type UnitRecord } from '../src/index.js';
import { loadReferenceData } from '../src/reference.js';
import { edge, nameVersion, unit } from './support/build.js';

/** Builds a registry and returns the Vietnamese message of the INVALID_REGISTRY error it throws. */
function invalid(units: UnitRecord[], edges: LineageEdge[] = []): string {
  try {
    new UnitRegistry(units, edges);
  } catch (error) {
    expect(error).toBeInstanceOf(UnitError);
    expect((error as UnitError).code).toBe('INVALID_REGISTRY');
    return (error as UnitError).message;
  }
  throw new Error('the registry was accepted');
}

const OLD = unit('01', '2000-01-01', '2009-12-31');
const NEW = unit('01', '2010-01-01', null);

describe('a valid registry', () => {
  it('accepts the shipped data and a small hand-made one', () => {
    const ref = loadReferenceData();
    expect(new UnitRegistry(ref.units, ref.edges).units).toHaveLength(97);
    const reg = new UnitRegistry([OLD, NEW], [edge(OLD.id, NEW.id, '2010-01-01')]);
    expect(reg.successorsOf(OLD.id)).toHaveLength(1);
  });

  it('accepts shares that add up to exactly 1', () => {
    const b = unit('02', '2010-01-01', null);
    expect(
      () =>
        new UnitRegistry(
          [OLD, NEW, b],
          [edge(OLD.id, NEW.id, '2010-01-01', 0.3), edge(OLD.id, b.id, '2010-01-01', 0.7)],
        ),
    ).not.toThrow();
  });
});

describe('a registry built from bad data is refused with INVALID_REGISTRY', () => {
  it('no units at all', () => {
    expect(invalid([])).toMatch(/trống/);
  });

  it('a duplicate id', () => {
    expect(invalid([OLD, unit('01', '2000-01-01', '2009-12-31', 'Bản sao')])).toContain(OLD.id);
  });

  it('an id that is not code@validFrom', () => {
    expect(invalid([{ ...OLD, id: '01@1999-01-01' }])).toMatch(/mã@ngày/);
    expect(invalid([{ ...OLD, id: '01' }])).toMatch(/mã@ngày/);
  });

  it('a unit ending before it starts', () => {
    const u = unit('01', '2000-01-01', '1999-12-31');
    expect(invalid([u])).toMatch(/trước ngày bắt đầu/);
  });

  it('an edge to a unit that does not exist', () => {
    expect(invalid([OLD], [edge(OLD.id, '01@2010-01-01', '2010-01-01')])).toContain(
      '01@2010-01-01',
    );
    expect(invalid([NEW], [edge('99@2000-01-01', NEW.id, '2010-01-01')])).toContain(
      '99@2000-01-01',
    );
  });

  it('an edge whose predecessor does not end the day before the effective date', () => {
    const endsEarly = unit('01', '2000-01-01', '2009-12-30');
    expect(invalid([endsEarly, NEW], [edge(endsEarly.id, NEW.id, '2010-01-01')])).toContain(
      endsEarly.id,
    );
    const neverEnds = unit('01', '2000-01-01', null);
    expect(invalid([neverEnds, NEW], [edge(neverEnds.id, NEW.id, '2010-01-01')])).toContain(
      neverEnds.id,
    );
    // Ends on the effective date itself (overlap of one day).
    const overlaps = unit('01', '2000-01-01', '2010-01-01');
    expect(invalid([overlaps, NEW], [edge(overlaps.id, NEW.id, '2010-01-01')])).toContain(
      overlaps.id,
    );
  });

  it('an edge whose successor is not valid on the effective date', () => {
    const late = unit('01', '2010-02-01', null);
    expect(invalid([OLD, late], [edge(OLD.id, late.id, '2010-01-01')])).toContain(late.id);
  });

  it.each([0, -0.5, 1.5, Number.NaN])('an edge weight of %s', (w) => {
    expect(invalid([OLD, NEW], [edge(OLD.id, NEW.id, '2010-01-01', w)])).toMatch(/Trọng số/);
  });

  it('weights leaving one unit that sum above 1', () => {
    const b = unit('02', '2010-01-01', null);
    expect(
      invalid(
        [OLD, NEW, b],
        [edge(OLD.id, NEW.id, '2010-01-01', 0.6), edge(OLD.id, b.id, '2010-01-01', 0.6)],
      ),
    ).toMatch(new RegExp(`${OLD.id}.*vượt quá 1`));
  });

  it('name versions with a gap', () => {
    const u: UnitRecord = {
      ...unit('01', '2000-01-01', null),
      names: [
        nameVersion('2000-01-01', '2004-12-31', 'Cũ'),
        nameVersion('2005-01-02', null, 'Mới'),
      ],
    };
    expect(invalid([u])).toMatch(/liên tục/);
  });

  it('name versions that overlap', () => {
    const u: UnitRecord = {
      ...unit('01', '2000-01-01', null),
      names: [
        nameVersion('2000-01-01', '2005-01-01', 'Cũ'),
        nameVersion('2005-01-01', null, 'Mới'),
      ],
    };
    expect(invalid([u])).toMatch(/liên tục/);
  });

  it('name versions out of order', () => {
    const u: UnitRecord = {
      ...unit('01', '2000-01-01', null),
      names: [
        nameVersion('2005-01-01', null, 'Mới'),
        nameVersion('2000-01-01', '2004-12-31', 'Cũ'),
      ],
    };
    expect(invalid([u])).toMatch(/01@2000-01-01/);
  });

  it('no name version, or names that start late or end early', () => {
    expect(invalid([{ ...OLD, names: [] }])).toMatch(/bắt đầu cùng ngày/);
    expect(invalid([{ ...OLD, names: [nameVersion('2000-01-02', '2009-12-31', 'X')] }])).toMatch(
      /bắt đầu cùng ngày/,
    );
    expect(invalid([{ ...OLD, names: [nameVersion('2000-01-01', '2009-12-30', 'X')] }])).toMatch(
      /kết thúc cùng đơn vị/,
    );
    expect(invalid([{ ...OLD, names: [nameVersion('2000-01-01', null, 'X')] }])).toMatch(
      /kết thúc cùng đơn vị/,
    );
  });

  it.each([
    ['a unit start', unit('01', '2000-1-1', null), '2000-1-1'],
    ['a unit end', unit('01', '2000-01-01', '2009-13-01'), '2009-13-01'],
    ['a unit end (30 February)', unit('01', '2000-01-01', '2009-02-30'), '2009-02-30'],
    [
      'a name version',
      {
        ...unit('01', '2000-01-01', null),
        names: [
          nameVersion('2000-01-01', '2004-12-31', 'Cũ'),
          nameVersion('2005-1-1', null, 'Mới'),
        ],
      },
      '2005-1-1',
    ],
  ])('a malformed date: %s', (_what, u, bad) => {
    expect(invalid([u])).toContain(`ngày không hợp lệ "${bad}"`);
  });

  it('a malformed effective date on an edge', () => {
    expect(invalid([OLD, NEW], [edge(OLD.id, NEW.id, '2010-1-1')])).toMatch(/2010-1-1/);
    expect(invalid([OLD, NEW], [edge(OLD.id, NEW.id, '2010-02-30')])).toMatch(/2010-02-30/);
  });
});
