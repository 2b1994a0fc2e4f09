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

/** The z-score of `value` among `references` (sample standard deviation). */
export function zScore(value: number, references: readonly number[]): number | null {
  const n = references.length;
  if (n < 2) return null;
  const mean = references.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(references.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return sd === 0 ? null : (value - mean) / sd;
}

/**
 * The modified z-score: 0.6745 (x − median) / MAD. When more than half the references are equal
 * (MAD = 0) the mean absolute deviation stands in: (x − median) / (1.253314 · MeanAD).
 */
export function modifiedZScore(value: number, references: readonly number[]): number | null {
  if (references.length === 0) return null;
  const m = median(references);
  const deviations = references.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  if (mad > 0) return (0.6745 * (value - m)) / mad;
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  return meanAd > 0 ? (value - m) / (1.253314 * meanAd) : null;
}

/** Whether `value` stands out from `references`, by either score. */
export function checkOutlier(
  value: number,
  references: readonly number[],
  thresholds: OutlierThresholds = DEFAULT_OUTLIER_THRESHOLDS,
): OutlierCheck {
  if (references.length < thresholds.minReferences) {
    return { z: null, modifiedZ: null, flagged: false };
  }
  const z = zScore(value, references);
  const modifiedZ = modifiedZScore(value, references);
  const flagged =
    (z !== null && Math.abs(z) > thresholds.z) ||
    (modifiedZ !== null && Math.abs(modifiedZ) > thresholds.modifiedZ);
  return { z, modifiedZ, flagged };
}
