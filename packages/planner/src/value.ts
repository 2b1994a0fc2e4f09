import { PlanError } from './errors.js';
import { CRITERIA, type Criterion } from './types.js';

/**
 * Weighted value of a proposal: Σ weight × score over the four criteria. Scores are 1–5 (higher is
 * better; for `cost`, a higher score means cheaper). Weights are ≥ 0 and are normalised to sum 1,
 * so the value is again on the 1–5 scale.
 */
export function weightedValue(
  scores: Record<Criterion, number>,
  weights: Record<Criterion, number>,
): number {
  let weightSum = 0;
  for (const c of CRITERIA) {
    const w = weights[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new PlanError('INVALID_ARGUMENT', `Trọng số tiêu chí "${c}" phải là số không âm.`);
    }
    const s = scores[c];
    if (typeof s !== 'number' || !Number.isFinite(s) || s < 1 || s > 5) {
      throw new PlanError('INVALID_ARGUMENT', `Điểm tiêu chí "${c}" phải nằm trong khoảng 1–5.`);
    }
    weightSum += w;
  }
  if (weightSum <= 0) {
    throw new PlanError('INVALID_ARGUMENT', 'Tổng trọng số các tiêu chí phải lớn hơn 0.');
  }
  let value = 0;
  for (const c of CRITERIA) value += (weights[c] / weightSum) * scores[c];
  return value;
}
