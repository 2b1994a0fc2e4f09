/**
 * An independent statement of the planning rules, written from the specification and not from the
 * package code: a feasibility checker and a brute-force optimiser for small instances, plus a
 * generator of small random instances that exercise every rule.
 */
import type { PlanInput, PlanItem } from '../../src/index.js';

const TOLERANCE = 1e-9;

function knownDeps(input: PlanInput, item: PlanItem): PlanItem[] {
  const out: PlanItem[] = [];
  for (const id of item.dependsOn ?? []) {
    if (id === item.id) continue;
    const dep = input.items.find((i) => i.id === id);
    if (dep && !out.includes(dep)) out.push(dep);
  }
  return out;
}

/** Every rule a schedule must satisfy; returns the broken ones in plain English. */
export function referenceViolations(
  input: PlanInput,
  schedule: Record<string, number | null>,
): string[] {
  const problems: string[] = [];
  const start = (item: PlanItem) => schedule[item.id] ?? null;
  const load = new Map<number, number>();
  for (const item of input.items) {
    const s = start(item);
    if (s === null) {
      if (item.pinnedYear != null) problems.push(`${item.id}: pinned but not planned`);
      continue;
    }
    const d = item.durationYears ?? 1;
    if (item.excluded) problems.push(`${item.id}: excluded but planned`);
    if (item.pinnedYear != null && s !== item.pinnedYear) problems.push(`${item.id}: pin moved`);
    if (!Number.isInteger(s)) problems.push(`${item.id}: start not a year`);
    if (s < input.startYear) problems.push(`${item.id}: starts before the span`);
    if (s + d - 1 > input.endYear) problems.push(`${item.id}: ends after the span`);
    if (item.earliestStartYear != null && s < item.earliestStartYear) {
      problems.push(`${item.id}: starts before its earliest start`);
    }
    for (const dep of knownDeps(input, item)) {
      const ds = start(dep);
      if (ds === null) problems.push(`${item.id}: predecessor ${dep.id} not planned`);
      else if (ds + (dep.durationYears ?? 1) > s) {
        problems.push(`${item.id}: starts before ${dep.id} finishes`);
      }
    }
    for (let t = s; t < s + d; t++) load.set(t, (load.get(t) ?? 0) + item.cost / d);
  }
  for (const [year, used] of load) {
    const envelope = input.envelopes[year] ?? 0;
    if (used > envelope * (1 + TOLERANCE) + TOLERANCE) {
      problems.push(`year ${year}: ${used} over the envelope ${envelope}`);
    }
  }
  return problems;
}

/** Exhaustive search: the best total value of a feasible schedule, or null when none exists. */
export function bruteForceOptimum(input: PlanInput): number | null {
  const items = input.items;
  const years: number[] = [];
  for (let y = input.startYear; y <= input.endYear; y++) years.push(y);
  const schedule: Record<string, number | null> = {};
  const load = new Map<number, number>(years.map((y) => [y, 0]));
  let best: number | null = null;
  const visit = (k: number, value: number) => {
    if (k === items.length) {
      if (referenceViolations(input, schedule).length === 0 && (best === null || value > best)) {
        best = value;
      }
      return;
    }
    const item = items[k]!;
    const d = item.durationYears ?? 1;
    for (const choice of [null, ...years]) {
      if (choice !== null) {
        // Prune on the envelopes only; every other rule is checked at the leaf.
        let fits = true;
        for (let t = choice; t < choice + d; t++) {
          const envelope = input.envelopes[t] ?? 0;
          if ((load.get(t) ?? 0) + item.cost / d > envelope * (1 + TOLERANCE) + TOLERANCE) {
            fits = false;
          }
        }
        if (!fits) continue;
        for (let t = choice; t < choice + d; t++) load.set(t, (load.get(t) ?? 0) + item.cost / d);
      }
      schedule[item.id] = choice;
      visit(k + 1, value + (choice === null ? 0 : item.value));
      if (choice !== null) {
        for (let t = choice; t < choice + d; t++) load.set(t, load.get(t)! - item.cost / d);
      }
    }
    delete schedule[item.id];
  };
  visit(0, 0);
  return best;
}

/** mulberry32: a small deterministic generator for the test instances. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small random instance (0–8 items, 1–3 years) using every feature: durations (some longer than
 * the span), earliest starts, dependencies (including cycles, self and unknown references), pins
 * (some impossible), exclusions, zero and missing envelopes, fractional costs and values.
 */
export function smallInstance(seed: number): PlanInput {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const startYear = 2030;
  const years = int(1, 3);
  const endYear = startYear + years - 1;
  const count = r() < 0.15 ? int(0, 2) : int(3, 8);
  const items: PlanItem[] = [];
  for (let k = 0; k < count; k++) {
    const item: PlanItem = {
      id: `P${k}`,
      value: r() < 0.1 ? 0 : Math.round(r() * 1000) / 100,
      cost: r() < 0.1 ? 0 : r() < 0.3 ? Math.round(r() * 100) / 10 : int(1, 10),
    };
    const dr = r();
    if (dr < 0.3) item.durationYears = 2;
    else if (dr < 0.4) item.durationYears = 3;
    if (r() < 0.2) item.earliestStartYear = startYear + int(0, years);
    if (r() < 0.35 && count > 1) {
      const deps = [`P${int(0, count - 1)}`];
      if (r() < 0.2) deps.push(`P${int(0, count - 1)}`);
      if (r() < 0.05) deps.push('UNKNOWN');
      item.dependsOn = deps;
    }
    if (r() < 0.06) item.pinnedYear = startYear + int(0, years - 1);
    if (r() < 0.1) item.excluded = true;
    items.push(item);
  }
  const envelopes: Record<number, number> = {};
  for (let y = startYear; y <= endYear; y++) {
    const e = r();
    if (e < 0.1) continue;
    envelopes[y] = e < 0.2 ? 0 : e < 0.4 ? Math.round(r() * 150) / 10 : int(3, 15);
  }
  return { startYear, endYear, envelopes, items };
}
