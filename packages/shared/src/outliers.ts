/**
 * Outlier flags for a reported value, against the province's own history or against the other
 * provinces of the same period: the z-score (mean and sample standard deviation) and the modified
 * z-score of Iglewicz and Hoaglin (median and median absolute deviation, robust to the outliers
 * themselves). A flag asks the reporter to confirm a figure; it never refuses it.
 */

export interface OutlierThresholds {
  /** |z| above this is flagged (default 3). */
  z: number;
  /** |modified z| above this is flagged (default 3.5, as Iglewicz and Hoaglin recommend). */
  modifiedZ: number;
  /** Fewer reference values than this: no verdict (default 4). */
  minReferences: number;
}

export const DEFAULT_OUTLIER_THRESHOLDS: OutlierThresholds = {
  z: 3,
  modifiedZ: 3.5,
  minReferences: 4,
};

export interface OutlierCheck {
  /** Null when the references cannot say (too few, or all equal). */
  z: number | null;
  modifiedZ: number | null;
  flagged: boolean;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * What the scores need to know of the references: their count, mean, sample standard deviation,
 * median, median absolute deviation and mean absolute deviation (from the median). A database can
 * compute these in one aggregate, so the references never have to leave it.
 */
export interface ReferenceStats {
  n: number;
  mean: number;
  /** Sample standard deviation; null with fewer than two references. */
  sd: number | null;
  median: number;
  mad: number;
  meanAd: number;
}

export function referenceStats(references: readonly number[]): ReferenceStats | null {
  const n = references.length;
  if (n === 0) return null;
  const mean = references.reduce((a, b) => a + b, 0) / n;
  const sd =
    n < 2 ? null : Math.sqrt(references.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const m = median(references);
  const deviations = references.map((x) => Math.abs(x - m));
  return {
    n,
    mean,
    sd,
    median: m,
    mad: median(deviations),
    meanAd: deviations.reduce((a, b) => a + b, 0) / n,
  };
}

/** The z-score of `value` among references (sample standard deviation). */
export function zScoreOf(value: number, stats: ReferenceStats): number | null {
  return stats.sd === null || stats.sd === 0 ? null : (value - stats.mean) / stats.sd;
}

/**
 * The modified z-score: 0.6745 (x − median) / MAD. When more than half the references are equal
 * (MAD = 0) the mean absolute deviation stands in: (x − median) / (1.253314 · MeanAD).
 */
export function modifiedZScoreOf(value: number, stats: ReferenceStats): number | null {
  if (stats.mad > 0) return (0.6745 * (value - stats.median)) / stats.mad;
  return stats.meanAd > 0 ? (value - stats.median) / (1.253314 * stats.meanAd) : null;
}

/** The z-score of `value` among `references`. */
export function zScore(value: number, references: readonly number[]): number | null {
  const stats = referenceStats(references);
  return stats ? zScoreOf(value, stats) : null;
}

/** The modified z-score of `value` among `references`. */
export function modifiedZScore(value: number, references: readonly number[]): number | null {
  const stats = referenceStats(references);
  return stats ? modifiedZScoreOf(value, stats) : null;
}

/** Whether `value` stands out from references summarised by `stats`, by either score. */
export function checkOutlierStats(
  value: number,
  stats: ReferenceStats | null,
  thresholds: OutlierThresholds = DEFAULT_OUTLIER_THRESHOLDS,
): OutlierCheck {
  if (!stats || stats.n < thresholds.minReferences) {
    return { z: null, modifiedZ: null, flagged: false };
  }
  const z = zScoreOf(value, stats);
  const modifiedZ = modifiedZScoreOf(value, stats);
  const flagged =
    (z !== null && Math.abs(z) > thresholds.z) ||
    (modifiedZ !== null && Math.abs(modifiedZ) > thresholds.modifiedZ);
  return { z, modifiedZ, flagged };
}

/** Whether `value` stands out from `references`, by either score. */
export function checkOutlier(
  value: number,
  references: readonly number[],
  thresholds: OutlierThresholds = DEFAULT_OUTLIER_THRESHOLDS,
): OutlierCheck {
  return checkOutlierStats(value, referenceStats(references), thresholds);
}
