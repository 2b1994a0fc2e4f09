import { describe, expect, it } from 'vitest';
import type { PiiRankingRow } from '@caunoi/shared';
import {
  editionLabel,
  filterRanking,
  formatRank,
  formatScore,
  intervalText,
  median,
  parseUnits,
  regionsOf,
  wrapLabel,
} from '../src/modules/pii/model';

const row = (
  unitCode: string,
  unitName: string,
  regionVi: string,
  rank: number,
): PiiRankingRow => ({
  unitId: `${unitCode}@2025-07-01`,
  unitCode,
  unitName,
  regionVi,
  score: 60 - rank,
  rank,
  aggregates: {},
  rankInterval: null,
});

const ranking = [
  row('01', 'Hà Nội', 'Đồng bằng sông Hồng', 1),
  row('79', 'Thành phố Hồ Chí Minh', 'Đông Nam Bộ', 2),
  row('31', 'Hải Phòng', 'Đồng bằng sông Hồng', 3),
  row('46', 'Huế', 'Bắc Trung Bộ và Duyên hải miền Trung', 4),
];

describe('the ranking filters', () => {
  it('finds a province typed without tones or capitals', () => {
    expect(filterRanking(ranking, { search: 'hai phong' }).map((r) => r.unitName)).toEqual([
      'Hải Phòng',
    ]);
    expect(filterRanking(ranking, { search: '  HUẾ ' }).map((r) => r.unitName)).toEqual(['Huế']);
    expect(filterRanking(ranking, { search: '31' }).map((r) => r.unitName)).toEqual(['Hải Phòng']);
  });

  it('keeps the provinces of a region, in rank order, combined with the search', () => {
    const delta = 'Đồng bằng sông Hồng';
    expect(filterRanking(ranking, { region: delta }).map((r) => r.rank)).toEqual([1, 3]);
    expect(filterRanking(ranking, { region: delta, search: 'ho chi minh' })).toEqual([]);
    expect(regionsOf(ranking)).toEqual([
      delta,
      'Đông Nam Bộ',
      'Bắc Trung Bộ và Duyên hải miền Trung',
    ]);
  });
});

describe('what the pages write', () => {
  it('writes the 90% rank interval from the rounded 5th and 95th percentiles', () => {
    expect(intervalText({ nominal: 4, median: 4, q5: 2.6, q95: 6.2 })).toBe('3–6');
    expect(intervalText({ nominal: 1, median: 1, q5: 1, q95: 1 })).toBe('1');
    expect(intervalText({ nominal: 1, median: null, q5: null, q95: null })).toBeNull();
    expect(intervalText(null)).toBeNull();
  });

  it('writes scores with two decimals in the reader’s language, a dash when missing', () => {
    expect(formatScore(52.3249, 'vi')).toBe('52,32');
    expect(formatScore(52.3251, 'en')).toBe('52.33');
    expect(formatScore(null, 'vi')).toBe('—');
  });

  it('writes a rank out of the provinces ranked, a dash when missing', () => {
    expect(formatRank(3, 63)).toBe('3/63');
    expect(formatRank(3, null)).toBe('3');
    expect(formatRank(null, 63)).toBe('—');
  });

  it('takes the median of the scores present', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, undefined])).toBeNull();
  });

  it('reads at most 4 distinct provinces to compare from the address', () => {
    expect(parseUnits('31@2025-07-01,01@2008-08-01,31@2025-07-01')).toEqual([
      '31@2025-07-01',
      '01@2008-08-01',
    ]);
    expect(parseUnits('a,b,c,d,e')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseUnits(null)).toEqual([]);
  });

  it('names an edition with its year once', () => {
    expect(editionLabel(2026, 'PII 2026 — khung minh họa')).toBe('PII 2026 — khung minh họa');
    expect(editionLabel(2024, 'Khung chính thức')).toBe('PII 2024 · Khung chính thức');
  });

  it('wraps a long pillar name on the radar at spaces', () => {
    expect(wrapLabel('Vốn con người và Nghiên cứu và Phát triển', 22)).toBe(
      'Vốn con người và\nNghiên cứu và Phát\ntriển',
    );
    expect(wrapLabel('Thể chế', 22)).toBe('Thể chế');
  });
});
