import type { Value } from './types.js';

export function present(xs: readonly Value[]): number[] {
  const out: number[] = [];
  for (const x of xs) if (x !== null) out.push(x);
  return out;
}

/** The smallest and largest available values (±Infinity when none). */
export function extremes(values: readonly Value[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x === null) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

/** A computed value, or missing when it is not finite (a constant vector's min–max, a log of 0). */
export const finiteOrNull = (x: number): Value => (Number.isFinite(x) ? x : null);

/** Arithmetic mean with a correction pass (as R's `mean`); NaN when empty. */
export function mean(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  const m = s / n;
  let c = 0;
  for (const x of xs) c += x - m;
  return m + c / n;
}

/** Median (mean of the two middle values when even); NaN when empty. */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Sample standard deviation (n − 1); NaN when fewer than 2 values. */
export function sd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Bias-adjusted sample skewness (Excel SKEW, e1071 type 2); NaN when fewer than 3 values. */
export function skewness(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 3) return NaN;
  const m = mean(xs);
  let s2 = 0;
  let s3 = 0;
  for (const x of xs) {
    const d = x - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  const y = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Bias-adjusted sample excess kurtosis (Excel KURT, e1071 type 2); NaN when fewer than 4 values. */
export function kurtosis(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 4) return NaN;
  const m = mean(xs);
  let s2 = 0;
  let s4 = 0;
  for (const x of xs) {
    const d2 = (x - m) ** 2;
    s2 += d2;
    s4 += d2 * d2;
  }
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * Ranks with ties sharing the lowest rank (R's `ties.method = "min"`); missing stays missing.
 * `descending`: rank 1 is the highest value.
 */
export function rankMin(xs: readonly Value[], descending: boolean): Value[] {
  const idx: number[] = [];
  xs.forEach((x, i) => {
    if (x !== null) idx.push(i);
  });
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => sign * (xs[a]! - xs[b]!));
  const out: Value[] = xs.map(() => null);
  idx.forEach((i, k) => {
    const prev = k > 0 ? idx[k - 1]! : -1;
    out[i] = k > 0 && xs[prev] === xs[i] ? out[prev]! : k + 1;
  });
  return out;
}
