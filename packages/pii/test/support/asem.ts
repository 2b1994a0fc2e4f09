import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellValue, parseCsv, parseNumber } from '../../src/index.js';

const dir = fileURLToPath(new URL('../fixtures/asem/', import.meta.url));

export const readFixture = (name: string): string => readFileSync(dir + name, 'utf8');

export interface ExpectedTable {
  readonly key: string;
  readonly columns: string[];
  /** First column value → the remaining cells, as text (`null` when NA). */
  readonly rows: Map<string, (string | null)[]>;
}

export function readExpected(name: string): ExpectedTable {
  const [head, ...body] = parseCsv(readFixture(name));
  const names = head!.map((c) => c.text);
  const rows = new Map<string, (string | null)[]>();
  for (const r of body) rows.set(r[0]!.text, r.slice(1).map(cellValue));
  return { key: names[0]!, columns: names.slice(1), rows };
}

export function num(text: string | null): number | null {
  if (text === null) return null;
  const x = parseNumber(text);
  if (x === undefined) throw new Error(`not a number: ${text}`);
  return x;
}

export const ASEM_CONFIG = {
  denominate: true,
  impute: { method: 'group-mean', group: 'EurAsia_group' },
  screen: { minDataShare: 0.9 },
  treat: { winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log_CT' },
  normalise: { method: 'minmax', range: [0, 100] },
  aggregate: { method: 'arithmetic' },
};

/** The issue's `ua.json` without its number of runs: winmax 1–5, two normalisations, two means, weights ±25%. */
export const ISSUE_CHOICES = {
  seed: 42,
  alternatives: {
    'treat.winmax': [1, 2, 3, 4, 5],
    normalise: [
      { method: 'minmax', range: [1, 100] },
      { method: 'zscore', mean: 10, sd: 2 },
    ],
    'aggregate.method': ['arithmetic', 'geometric'],
  },
  weightNoise: { '2': 0.25, '3': 0.25 },
};
