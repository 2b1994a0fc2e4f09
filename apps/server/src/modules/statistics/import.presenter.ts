import type { ImportRow } from './import.repo.js';
import type { ImportSummary } from './import.schemas.js';

/** A past import as the API shows it: who, when, which file, what it did. */
export function presentImport(row: ImportRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    actorUsername: row.actorUsername,
    createdAt: row.createdAt.toISOString(),
    summary: row.summary as ImportSummary,
  };
}
