import type { PiiEdition, PiiEditionSummary, PiiNode } from '@caunoi/shared';
import type { EditionSummaryRow } from './editions.repo.js';

export function presentEditionSummary(e: EditionSummaryRow): PiiEditionSummary {
  return {
    id: e.id,
    year: e.year,
    title: e.title,
    illustrative: e.illustrative,
    unitBasis: e.unitBasis,
    dataYear: e.dataYear,
    indicatorCount: e.indicatorCount,
    runCount: e.runCount,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentEdition(e: EditionSummaryRow, nodes: PiiNode[]): PiiEdition {
  return { ...presentEditionSummary(e), notes: e.notes, config: e.config, nodes };
}

/** What the audit log keeps of an edition, before and after a change. */
export function editionSnapshot(e: EditionSummaryRow, nodes: PiiNode[]) {
  return {
    year: e.year,
    title: e.title,
    illustrative: e.illustrative,
    unitBasis: e.unitBasis,
    dataYear: e.dataYear,
    notes: e.notes,
    config: e.config,
    nodes,
  };
}
