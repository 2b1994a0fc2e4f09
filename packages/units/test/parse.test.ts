import { describe, expect, it } from 'vitest';
import { foldVi } from '@caunoi/shared';
import {
  applyNameOverride,
  citedDocuments,
  seatVi,
  parseReferenceData,
  parseRelation,
  parseUnitType,
  UnitError,
  UnitRegistry,
  type ReferenceSources,
  type UnitNameVersion,
} from '../src/index.js';
import { nameVersion } from './support/build.js';

const HEAD63 = 'code,name_vi,full_name_vi,name_en,name_ascii,type,region,region_en,valid_to';
const HEAD34 =
  'code,name_vi,full_name_vi_2025_07_01,name_en,name_ascii,type_2025_07_01,region_commonly_used_UNVERIFIED,admin_centre_city,notes';
const HEADLIN = 'old_code,new_code,effective_date,relation,legal_basis';
const HEADHIST =
  'unit_code,unit_valid_from,valid_from,valid_to,name_vi,full_name_vi,name_en,name_ascii,type,legal_basis';

/** A three-province world: Hòa Bình and Phú Thọ merge into Phú Thọ; Hà Nội is unchanged. */
function sources(overrides: Partial<ReferenceSources> = {}): ReferenceSources {
  return {
    provinces63: [
      HEAD63,
      '01,Hà Nội,Thành phố Hà Nội,Hanoi,Ha Noi,thành phố trực thuộc trung ương,Đồng bằng sông Hồng,Red River Delta,2025-06-30',
      '17,Hòa Bình,Tỉnh Hòa Bình,Hoa Binh,Hoa Binh,tỉnh,Trung du và miền núi phía Bắc,Northern Midlands and Mountains,2025-06-30',
      '25,Phú Thọ,Tỉnh Phú Thọ,Phu Tho,Phu Tho,tỉnh,Trung du và miền núi phía Bắc,Northern Midlands and Mountains,2025-06-30',
    ].join('\n'),
    provinces34: [
      HEAD34,
      '01,Hà Nội,Thành phố Hà Nội,Hanoi,Ha Noi,thành phố trực thuộc trung ương,Đồng bằng sông Hồng,Hà Nội,',
      '25,Phú Thọ,Tỉnh Phú Thọ,Phu Tho,Phu Tho,tỉnh,Trung du và miền núi phía Bắc,Việt Trì,"Gồm Hòa Bình, Phú Thọ"',
    ].join('\n'),
    lineage: [
      HEADLIN,
      '01,01,2025-07-01,unchanged,NQ 202/2025/QH15',
      '17,25,2025-07-01,merged into 25,NQ 202/2025/QH15',
      '25,25,2025-07-01,merged; code kept (new admin centre is here),NQ 202/2025/QH15',
    ].join('\n'),
    nameHistory: HEADHIST,
    ...overrides,
  };
}

function parseError(src: ReferenceSources): UnitError {
  try {
    parseReferenceData(src);
  } catch (error) {
    expect(error).toBeInstanceOf(UnitError);
    expect((error as UnitError).code).toBe('INVALID_REGISTRY');
    return error as UnitError;
  }
  throw new Error('the data was accepted');
}

describe('parseReferenceData', () => {
  it('builds units code@validFrom and lineage edges from small CSVs', () => {
    const { units, edges } = parseReferenceData(sources());
    expect(units.map((u) => u.id)).toEqual([
      '01@2008-08-01',
      '17@2008-08-01',
      '25@2008-08-01',
      '01@2025-07-01',
      '25@2025-07-01',
    ]);
    expect(units[1]).toMatchObject({
      code: '17',
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
      regionVi: 'Trung du và miền núi phía Bắc',
      regionEn: 'Northern Midlands and Mountains',
      regionVerified: true,
      names: [
        { nameVi: 'Hòa Bình', type: 'province', validFrom: '2008-08-01', validTo: '2025-06-30' },
      ],
    });
    expect(units[4]).toMatchObject({
      validFrom: '2025-07-01',
      validTo: null,
      regionEn: 'Northern Midlands and Mountains',
      regionVerified: false,
      seat: 'Việt Trì',
      notes: 'Gồm Hòa Bình, Phú Thọ',
    });
    expect(units[3]!.notes).toBeNull();
    expect(edges).toEqual([
      {
        predecessorId: '01@2008-08-01',
        successorId: '01@2025-07-01',
        effectiveDate: '2025-07-01',
        relation: 'unchanged',
        weight: 1,
        legalBasis: 'NQ 202/2025/QH15',
      },
      expect.objectContaining({ predecessorId: '17@2008-08-01', relation: 'merged' }),
      expect.objectContaining({ predecessorId: '25@2008-08-01', relation: 'merged_code_kept' }),
    ]);
    const reg = new UnitRegistry(units, edges);
    expect(reg.map('17@2008-08-01', '2024-01-01', '2025-07-01').units[0]!.unitId).toBe(
      '25@2025-07-01',
    );
  });

  it('reads decomposed (NFD) Vietnamese as NFC, and keeps each tone-mark spelling as written', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const src = sources();
    src.provinces63 = src.provinces63
      .replace('17,Hòa Bình,Tỉnh Hòa Bình', nfd('17,Hòa Bình,Tỉnh Hòa Bình'))
      .replace(',tỉnh,Trung du', nfd(',TỈNH,Trung du'));
    src.nameHistory = [
      HEADHIST,
      nfd('17,2008-08-01,2008-08-01,2010-12-31,Hoà Bình,Tỉnh Hoà Bình,Hoa Binh,Hoa Binh,tỉnh,'),
    ].join('\n');
    expect(src.provinces63).not.toContain('Hòa Bình');
    const { units } = parseReferenceData(src);
    const hoaBinh = units.find((u) => u.id === '17@2008-08-01')!;
    expect(hoaBinh.names.map((n) => [n.validFrom, n.validTo, n.nameVi, n.fullNameVi])).toEqual([
      ['2008-08-01', '2010-12-31', 'Hoà Bình', 'Tỉnh Hoà Bình'],
      ['2011-01-01', '2025-06-30', 'Hòa Bình', 'Tỉnh Hòa Bình'],
    ]);
    for (const n of hoaBinh.names) {
      expect(n.nameVi).toBe(n.nameVi.normalize('NFC'));
      expect(n.type).toBe('province');
    }
    // The two spellings stay distinct text but fold to the same search key.
    expect(hoaBinh.names[0]!.nameVi).not.toBe(hoaBinh.names[1]!.nameVi);
    expect(foldVi(hoaBinh.names[0]!.nameVi)).toBe(foldVi(hoaBinh.names[1]!.nameVi));
    expect(units.find((u) => u.id === '25@2008-08-01')!.names[0]!.type).toBe('province');
  });

  it('ignores a byte-order mark, surrounding spaces, blank lines and extra columns', () => {
    const src = sources();
    src.provinces63 =
      '\uFEFF' +
      src.provinces63
        .split('\n')
        .map((line, i) => `${line},${i === 0 ? 'seat_before_2025_07_01' : 'TP thử'}`)
        .join('\n')
        .replace('01,Hà Nội,', ' 01 , Hà Nội ,') +
      '\n\n';
    src.lineage = '\uFEFF' + src.lineage;
    const { units, edges } = parseReferenceData(src);
    expect(units[0]).toMatchObject({
      id: '01@2008-08-01',
      code: '01',
      seat: null, // a centrally-run city has no separate seat
      names: [{ nameVi: 'Hà Nội' }],
    });
    expect(units[1]).toMatchObject({ id: '17@2008-08-01', seat: 'TP thử' });
    expect(edges).toHaveLength(3);
  });

  it('applies name_history.csv onto the base names', () => {
    const src = sources({
      nameHistory: [
        HEADHIST,
        '25,2025-07-01,2026-01-01,,Phú Thọ,Thành phố Phú Thọ,Phu Tho,,centrally_run_city,NQ thử',
      ].join('\n'),
    });
    const { units, edges } = parseReferenceData(src);
    const phuTho = units.find((u) => u.id === '25@2025-07-01')!;
    expect(phuTho.names).toEqual([
      expect.objectContaining({ validFrom: '2025-07-01', validTo: '2025-12-31', type: 'province' }),
      {
        validFrom: '2026-01-01',
        validTo: null,
        nameVi: 'Phú Thọ',
        fullNameVi: 'Thành phố Phú Thọ',
        nameEn: 'Phu Tho',
        nameAscii: 'Phu Tho',
        type: 'centrally_run_city',
        legalBasis: 'NQ thử',
      },
    ]);
    const reg = new UnitRegistry(units, edges);
    expect(reg.snapshot(phuTho, '2025-12-31').type).toBe('province');
    expect(reg.snapshot(phuTho, '2026-01-01').fullNameVi).toBe('Thành phố Phú Thọ');
  });

  it('reads an explicit weight column', () => {
    const src = sources();
    src.lineage = src.lineage
      .replace(HEADLIN, `${HEADLIN},weight`)
      .replace('unchanged,NQ 202/2025/QH15', 'unchanged,NQ 202/2025/QH15,1')
      .replace('merged into 25,NQ 202/2025/QH15', 'merged into 25,NQ 202/2025/QH15,0.5')
      .replace(
        '(new admin centre is here),NQ 202/2025/QH15',
        '(new admin centre is here),NQ 202/2025/QH15,',
      );
    const { edges } = parseReferenceData(src);
    expect(edges.map((e) => e.weight)).toEqual([1, 0.5, 1]);
  });

  describe('refuses bad files with INVALID_REGISTRY', () => {
    it('a missing column, naming the file and the column', () => {
      const src = sources();
      src.provinces63 = src.provinces63.replace(',region_en,', ',vung_en,');
      expect(parseError(src).message).toMatch(/provinces_63\.csv.*region_en/);
      const src2 = sources();
      src2.lineage = src2.lineage.replace('relation', 'quan_he');
      expect(parseError(src2).message).toMatch(/lineage\.csv.*relation/);
    });

    it('a row with the wrong number of fields, naming the file', () => {
      const src = sources({ provinces34: `${sources().provinces34}\n96,Cà Mau` });
      expect(parseError(src).message).toMatch(/provinces_34\.csv/);
    });

    it('an unknown unit type or relation', () => {
      expect(
        parseError(
          sources({ provinces63: sources().provinces63.replace('tỉnh,Trung', 'huyện,Trung') }),
        ).message,
      ).toMatch(/huyện/);
      expect(
        parseError(sources({ lineage: sources().lineage.replace('unchanged', 'split into 02') }))
          .message,
      ).toMatch(/split into 02/);
    });

    it('a lineage row whose units do not exist', () => {
      const src = sources({ lineage: `${sources().lineage}\n99,25,2025-07-01,merged into 25,` });
      expect(parseError(src).message).toMatch(/99 → 25/);
    });

    it('a name_history row for a unit that does not exist', () => {
      const src = sources({
        nameHistory: `${HEADHIST}\n25,2008-08-02,2010-01-01,,X,X,X,X,tỉnh,`,
      });
      expect(parseError(src).message).toMatch(/25@2008-08-02/);
    });

    it.each([
      [
        'provinces_63.csv valid_to',
        { provinces63: sources().provinces63.replace('Delta,2025-06-30', 'Delta,2025-6-30') },
        '2025-6-30',
      ],
      [
        'lineage.csv effective_date',
        { lineage: sources().lineage.replace('01,01,2025-07-01', '01,01,2025-13-01') },
        '2025-13-01',
      ],
      [
        'name_history.csv valid_from',
        { nameHistory: `${HEADHIST}\n17,2008-08-01,2008-08-01,2010-1-1,X,X,X,X,tỉnh,` },
        '2010-1-1',
      ],
      [
        'name_history.csv valid_to',
        { nameHistory: `${HEADHIST}\n17,2008-08-01,2010-02-30,2010-12-31,X,X,X,X,tỉnh,` },
        '2010-02-30',
      ],
    ])('a malformed date in %s', (where, override, bad) => {
      const error = parseError(sources(override));
      expect(error.message).toContain(`"${bad}"`);
      expect(error.message).toContain(where.split(' ')[0]);
    });
  });
});

describe('parseUnitType', () => {
  it.each([
    ['tỉnh', 'province'],
    ['Tỉnh', 'province'],
    ['  TỈNH ', 'province'],
    ['province', 'province'],
    ['thành phố trực thuộc trung ương', 'centrally_run_city'],
    ['Thành phố trực thuộc Trung ương'.normalize('NFD'), 'centrally_run_city'],
    ['centrally_run_city', 'centrally_run_city'],
  ])('"%s" → %s', (text, type) => {
    expect(parseUnitType(text)).toBe(type);
  });

  it.each(['thành phố', 'city', ''])('refuses "%s"', (text) => {
    expect(() => parseUnitType(text)).toThrow(UnitError);
  });
});

describe('parseRelation', () => {
  it.each([
    ['unchanged', 'unchanged'],
    [' Unchanged ', 'unchanged'],
    ['merged into 08', 'merged'],
    ['merged; code kept (new admin centre is here)', 'merged_code_kept'],
  ])('"%s" → %s', (text, relation) => {
    expect(parseRelation(text)).toBe(relation);
  });

  it.each(['merged', 'split', ''])('refuses "%s"', (text) => {
    expect(() => parseRelation(text)).toThrow(UnitError);
  });
});

describe('applyNameOverride', () => {
  const base = [nameVersion('2000-01-01', null, 'Gốc')];
  const spans = (vs: UnitNameVersion[]) => vs.map((v) => [v.validFrom, v.validTo, v.nameVi]);

  it('splits a version around an override in its middle', () => {
    const out = applyNameOverride(base, nameVersion('2005-03-01', '2005-12-31', 'Tạm'));
    expect(spans(out)).toEqual([
      ['2000-01-01', '2005-02-28', 'Gốc'],
      ['2005-03-01', '2005-12-31', 'Tạm'],
      ['2006-01-01', null, 'Gốc'],
    ]);
  });

  it('handles leap days and month ends at the seams', () => {
    const out = applyNameOverride(base, nameVersion('2004-03-01', '2008-02-28', 'Tạm'));
    expect(spans(out)).toEqual([
      ['2000-01-01', '2004-02-29', 'Gốc'],
      ['2004-03-01', '2008-02-28', 'Tạm'],
      ['2008-02-29', null, 'Gốc'],
    ]);
  });

  it('replaces the start of the life (Thừa Thiên Huế until 2024-12-31)', () => {
    const life = [nameVersion('2008-08-01', '2025-06-30', 'Huế', 'centrally_run_city')];
    const out = applyNameOverride(life, nameVersion('2008-08-01', '2024-12-31', 'Thừa Thiên Huế'));
    expect(out.map((v) => [v.validFrom, v.validTo, v.nameVi, v.type])).toEqual([
      ['2008-08-01', '2024-12-31', 'Thừa Thiên Huế', 'province'],
      ['2025-01-01', '2025-06-30', 'Huế', 'centrally_run_city'],
    ]);
  });

  it('replaces an open-ended end (Đồng Nai from 2026-04-30)', () => {
    const life = [nameVersion('2025-07-01', null, 'Đồng Nai')];
    const out = applyNameOverride(
      life,
      nameVersion('2026-04-30', null, 'Đồng Nai', 'centrally_run_city'),
    );
    expect(out.map((v) => [v.validFrom, v.validTo, v.type])).toEqual([
      ['2025-07-01', '2026-04-29', 'province'],
      ['2026-04-30', null, 'centrally_run_city'],
    ]);
  });

  it('replaces a version it covers exactly, and spans several versions', () => {
    const three = [
      nameVersion('2000-01-01', '2004-12-31', 'A'),
      nameVersion('2005-01-01', '2009-12-31', 'B'),
      nameVersion('2010-01-01', null, 'C'),
    ];
    expect(spans(applyNameOverride(three, nameVersion('2005-01-01', '2009-12-31', 'B2')))).toEqual([
      ['2000-01-01', '2004-12-31', 'A'],
      ['2005-01-01', '2009-12-31', 'B2'],
      ['2010-01-01', null, 'C'],
    ]);
    expect(spans(applyNameOverride(three, nameVersion('2003-01-01', '2012-06-30', 'X')))).toEqual([
      ['2000-01-01', '2002-12-31', 'A'],
      ['2003-01-01', '2012-06-30', 'X'],
      ['2012-07-01', null, 'C'],
    ]);
  });

  it('leaves its input untouched', () => {
    const input = [nameVersion('2000-01-01', null, 'Gốc')];
    const copy = structuredClone(input);
    applyNameOverride(input, nameVersion('2005-01-01', null, 'Mới'));
    expect(input).toEqual(copy);
  });

  it('applied twice with successive intervals gives a tiling the registry accepts', () => {
    let names = [nameVersion('2000-01-01', null, 'Gốc')];
    names = applyNameOverride(names, nameVersion('2005-01-01', '2005-12-31', 'Một'));
    names = applyNameOverride(names, nameVersion('2006-01-01', '2006-12-31', 'Hai'));
    expect(spans(names)).toEqual([
      ['2000-01-01', '2004-12-31', 'Gốc'],
      ['2005-01-01', '2005-12-31', 'Một'],
      ['2006-01-01', '2006-12-31', 'Hai'],
      ['2007-01-01', null, 'Gốc'],
    ]);
    const reg = new UnitRegistry(
      [
        {
          id: '01@2000-01-01',
          code: '01',
          validFrom: '2000-01-01',
          validTo: null,
          regionVi: 'V',
          regionEn: 'R',
          regionVerified: true,
          seat: null,
          notes: null,
          names,
        },
      ],
      [],
    );
    expect(reg.asOf('2006-06-01')[0]!.nameVi).toBe('Hai');
    expect(reg.asOf('2010-06-01')[0]!.nameVi).toBe('Gốc');
  });
});

describe('seatVi and citedDocuments', () => {
  it('writes seats in Vietnamese: remarks dropped, former cities marked, none for centrally-run cities', () => {
    expect(seatVi('former TP Vinh (unchanged)', 'province')).toBe('TP Vinh (cũ)');
    expect(seatVi('former TP Hoa Lư (ex-TP Ninh Bình)', 'province')).toBe('TP Hoa Lư (cũ)');
    expect(seatVi('TP Hoa Lư (formerly TP Ninh Bình)', 'province')).toBe('TP Hoa Lư');
    expect(seatVi('TP Việt Trì', 'province')).toBe('TP Việt Trì');
    expect(seatVi('(centrally-run city)', 'centrally_run_city')).toBeNull();
    expect(seatVi('Hồ Chí Minh City (existing centre)', 'centrally_run_city')).toBeNull();
    expect(seatVi('(remark only)', 'province')).toBeNull();
    expect(seatVi('', 'province')).toBeNull();
  });

  it('keeps only the legal documents a legal basis cites', () => {
    expect(
      citedDocuments(
        'NQ 202/2025/QH15 (adopted & in force 2025-06-12; new provincial governments operate from 2025-07-01); codes per QĐ 19/2025/QĐ-TTg (effective 2025-07-01)',
      ),
    ).toBe('NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg');
    expect(citedDocuments('Theo NQ 175/2024/QH15 và NQ 175/2024/QH15')).toBe('NQ 175/2024/QH15');
    expect(citedDocuments('Văn bản chưa có số')).toBe('Văn bản chưa có số');
    expect(citedDocuments('')).toBeNull();
  });
});
