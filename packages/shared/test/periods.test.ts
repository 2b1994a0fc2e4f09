import { describe, expect, it } from 'vitest';
import {
  makePeriod,
  parsePeriod,
  periodContaining,
  periodLabel,
  periodsBetween,
  periodWithin,
  shiftPeriod,
} from '../src/periods.js';

const span = (code: string) => {
  const p = parsePeriod(code);
  return p && [p.start, p.end];
};

describe('period codes', () => {
  it('reads calendar periods with their first and last days', () => {
    expect(span('2024')).toEqual(['2024-01-01', '2024-12-31']);
    expect(span('2024H1')).toEqual(['2024-01-01', '2024-06-30']);
    expect(span('2024H2')).toEqual(['2024-07-01', '2024-12-31']);
    expect(span('2024Q3')).toEqual(['2024-07-01', '2024-09-30']);
    expect(span('2024M02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(span('2023M02')).toEqual(['2023-02-01', '2023-02-28']);
  });

  it('reads administrative periods of Decree 09/2019: from the 15th before to the 14th', () => {
    expect(span('2024-AD')).toEqual(['2023-12-15', '2024-12-14']);
    expect(span('2024H1-AD')).toEqual(['2023-12-15', '2024-06-14']);
    expect(span('2024H2-AD')).toEqual(['2024-06-15', '2024-12-14']);
    expect(span('2024Q3-AD')).toEqual(['2024-06-15', '2024-09-14']);
    expect(span('2024Q1-AD')).toEqual(['2023-12-15', '2024-03-14']);
    expect(span('2024M07-AD')).toEqual(['2024-06-15', '2024-07-14']);
    expect(span('2024M01-AD')).toEqual(['2023-12-15', '2024-01-14']);
  });

  it('refuses codes that are not one period, and accepts lower case and spaces', () => {
    for (const bad of [
      '',
      '24',
      '2024Q5',
      '2024Q0',
      '2024M13',
      '2024M7',
      '2024H3',
      '2024Q03',
      '2024-ad-x',
      '2024W01',
      '1899',
    ])
      expect(parsePeriod(bad), bad).toBeNull();
    expect(parsePeriod(' 2024q3-ad ')?.code).toBe('2024Q3-AD');
  });

  it('writes the code back the way it reads it', () => {
    for (const code of ['2019', '2025H2', '2025Q4-AD', '2020M11', '2021M03-AD'])
      expect(parsePeriod(code)?.code).toBe(code);
    expect(makePeriod('month', 'statistical', 2024, 7)?.code).toBe('2024M07');
    expect(makePeriod('quarter', 'statistical', 2024, 5)).toBeNull();
  });
});

describe('periods over time', () => {
  it('finds the period containing a day, the 15th opening the next administrative one', () => {
    expect(periodContaining('quarter', 'statistical', '2024-09-30').code).toBe('2024Q3');
    expect(periodContaining('quarter', 'administrative', '2024-09-14').code).toBe('2024Q3-AD');
    expect(periodContaining('quarter', 'administrative', '2024-09-15').code).toBe('2024Q4-AD');
    expect(periodContaining('year', 'administrative', '2024-12-15').code).toBe('2025-AD');
    expect(periodContaining('month', 'administrative', '2024-12-20').code).toBe('2025M01-AD');
  });

  it('steps forward and back across years', () => {
    expect(shiftPeriod(parsePeriod('2024Q4')!, 1)?.code).toBe('2025Q1');
    expect(shiftPeriod(parsePeriod('2024M01-AD')!, -1)?.code).toBe('2023M12-AD');
    expect(shiftPeriod(parsePeriod('2024H2')!, -3)?.code).toBe('2023H1');
  });

  it('lists the periods between two days, both ends included', () => {
    expect(
      periodsBetween('quarter', 'statistical', '2024-02-10', '2024-11-01').map((p) => p.code),
    ).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(periodsBetween('year', 'statistical', '2019-01-01', '2025-12-31')).toHaveLength(7);
    expect(periodsBetween('month', 'statistical', '2024-05-01', '2024-04-01')).toEqual([]);
  });

  it('tells whether a period lies within another', () => {
    expect(periodWithin(parsePeriod('2024Q3')!, parsePeriod('2024H2')!)).toBe(true);
    expect(periodWithin(parsePeriod('2024Q2')!, parsePeriod('2024H2')!)).toBe(false);
    expect(periodWithin(parsePeriod('2024M07-AD')!, parsePeriod('2024Q3-AD')!)).toBe(true);
  });
});

describe('period labels', () => {
  it('names periods as Vietnamese reports do', () => {
    expect(periodLabel(parsePeriod('2024')!)).toBe('Năm 2024');
    expect(periodLabel(parsePeriod('2024H1')!)).toBe('6 tháng đầu năm 2024');
    expect(periodLabel(parsePeriod('2024Q3')!)).toBe('Quý III/2024');
    expect(periodLabel(parsePeriod('2024M07')!)).toBe('Tháng 07/2024');
    expect(periodLabel(parsePeriod('2024Q3-AD')!)).toBe(
      'Quý III/2024 (kỳ hành chính 15/06/2024 – 14/09/2024)',
    );
    expect(periodLabel(parsePeriod('2024H2')!, 'en')).toBe('Second half of 2024');
  });
});
