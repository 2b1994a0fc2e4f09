import type { Position } from '../../api/types';

/** Most recent first; open-ended positions before those that ended. */
export function sortPositions(positions: readonly Position[]): Position[] {
  return [...positions].sort(
    (a, b) =>
      (b.validFrom ?? '').localeCompare(a.validFrom ?? '') ||
      (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'),
  );
}
