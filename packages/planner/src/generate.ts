import { PlanError } from './errors.js';
import { MAX_SPAN_YEARS } from './prepare.js';
import type { Criterion, PlanInput, PlanItem } from './types.js';
import { weightedValue } from './value.js';

/** Weights used for generated instances (alignment and impact first, as provinces usually do). */
export const DEMO_WEIGHTS: Readonly<Record<Criterion, number>> = {
  alignment: 0.3,
  impact: 0.35,
  readiness: 0.2,
  cost: 0.15,
};

/** Small, fast, deterministic generator (mulberry32) seeded through a 32-bit mix of the seed. */
function random(seed: number): () => number {
  let state = Math.imul((Math.trunc(seed) ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0;
  state = (state ^ (state >>> 13)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic pseudo-random, realistic instance: `items` proposals over `years` years from
 * `startYear`. Costs 100–5,000 (million VND, log-uniform, rounded to 10), durations 1–3 years,
 * scores 1–5 on the four criteria (the cost score follows the cost), about 20% of items depending
 * on an earlier one, about 15% with a later earliest start, and yearly envelopes around a third of
 * the average yearly demand (so roughly a third of the proposals can be funded).
 */
export function generateInstance(
  seed: number,
  items: number,
  years: number,
  startYear = 2026,
): PlanInput {
  if (!Number.isFinite(seed)) {
    throw new PlanError('INVALID_ARGUMENT', 'Hạt giống (seed) phải là số hữu hạn.');
  }
  if (!Number.isInteger(items) || items < 0) {
    throw new PlanError('INVALID_ARGUMENT', 'Số đề xuất phải là số nguyên không âm.');
  }
  if (!Number.isInteger(years) || years < 1 || years > MAX_SPAN_YEARS) {
    throw new PlanError('INVALID_ARGUMENT', `Số năm phải là số nguyên từ 1 đến ${MAX_SPAN_YEARS}.`);
  }
  if (!Number.isInteger(startYear)) {
    throw new PlanError('INVALID_ARGUMENT', 'Năm bắt đầu phải là số nguyên.');
  }
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const score = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
  const width = String(items).length;
  const list: PlanItem[] = [];
  for (let k = 0; k < items; k++) {
    // Log-uniform cost between 100 and 5,000.
    const u = rnd();
    const cost = Math.round((100 * Math.pow(50, u)) / 10) * 10;
    const r = rnd();
    const durationYears = Math.min(years, r < 0.5 ? 1 : r < 0.8 ? 2 : 3);
    const value = weightedValue(
      {
        alignment: int(1, 5),
        impact: score(1 + 4 * (0.7 * rnd() + 0.3 * u)),
        readiness: int(1, 5),
        cost: score(5 - 4 * u + (rnd() - 0.5)),
      },
      DEMO_WEIGHTS,
    );
    const item: PlanItem = {
      id: `DX${String(k + 1).padStart(width, '0')}`,
      value: Math.round(value * 1000) / 1000,
      cost,
      durationYears,
    };
    if (k > 0 && rnd() < 0.2) item.dependsOn = [list[int(0, k - 1)]!.id];
    if (years > 1 && rnd() < 0.15)
      item.earliestStartYear = startYear + int(1, Math.min(2, years - 1));
    list.push(item);
  }
  const demand = list.reduce((s, i) => s + i.cost, 0);
  const envelopes: Record<number, number> = {};
  for (let y = 0; y < years; y++) {
    const base = demand / years / 3;
    envelopes[startYear + y] = Math.round((base * (0.8 + 0.4 * rnd())) / 10) * 10;
  }
  return { startYear, endYear: startYear + years - 1, envelopes, items: list };
}
