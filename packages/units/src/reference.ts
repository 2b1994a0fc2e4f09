import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReferenceData, type ReferenceData } from './parse.js';
import { UnitRegistry } from './registry.js';

/** Folder of the shipped reference CSV files (the package's `data/`, next to `src/` and `dist/`). */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

let cached: ReferenceData | undefined;

/** Reads and parses the shipped reference files (cached). */
export function loadReferenceData(): ReferenceData {
  if (!cached) {
    const read = (name: string) =>
      readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
    cached = parseReferenceData({
      provinces63: read('provinces_63.csv'),
      provinces34: read('provinces_34.csv'),
      lineage: read('lineage.csv'),
      nameHistory: read('name_history.csv'),
    });
  }
  return structuredClone(cached);
}

/** A registry over the shipped reference data. */
export function referenceRegistry(): UnitRegistry {
  const { units, edges } = loadReferenceData();
  return new UnitRegistry(units, edges);
}
