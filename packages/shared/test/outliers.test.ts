import { describe, expect, it } from 'vitest';
import { checkOutlier, median, modifiedZScore, zScore } from '../src/outliers.js';

describe('outlier flags', () => {
  it('computes the scores as the textbooks do', () => {
    // Mean 5, sample sd √(10/4) ≈ 1.5811.
    expect(zScore(9, [3, 4, 5, 6, 7])).toBeCloseTo(2.5298, 4);
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // Median 5, MAD 1: 0.6745 × (9 − 5) / 1.
    expect(modifiedZScore(9, [3, 4, 5, 6, 7])).toBeCloseTo(2.698, 3);
  });

  it('flags a figure typed with three extra zeros against the province’s own history', () => {
    const history = [40, 42, 38, 45, 41, 44];
    expect(checkOutlier(43, history).flagged).toBe(false);
    const typo = checkOutlier(43000, history);
    expect(typo.flagged).toBe(true);
    expect(typo.modifiedZ!).toBeGreaterThan(1000);
  });

  it('sees past an earlier outlier that would hide a new one from the plain z-score', () => {
    const history = [100, 102, 98, 101, 99, 5000];
    const check = checkOutlier(400, history);
    expect(Math.abs(check.z!)).toBeLessThan(3);
    expect(check.flagged).toBe(true);
  });

  it('gives no verdict on too few references, or when all of them are equal and so is the value', () => {
    expect(checkOutlier(1000, [10, 12, 11])).toEqual({ z: null, modifiedZ: null, flagged: false });
    expect(checkOutlier(5, [5, 5, 5, 5]).flagged).toBe(false);
    expect(checkOutlier(6, [5, 5, 5, 5, 9]).modifiedZ).not.toBeNull();
  });

  it('takes configurable thresholds', () => {
    const history = [10, 11, 9, 10, 12, 10];
    expect(checkOutlier(12, history).flagged).toBe(false);
    expect(checkOutlier(12, history, { z: 2, modifiedZ: 2, minReferences: 4 }).flagged).toBe(true);
  });
});
