export type PlanErrorCode = 'INVALID_ARGUMENT' | 'SOLVER_UNAVAILABLE' | 'SOLVER_ERROR';

/** Thrown for programming errors (bad arguments) and solver failures, never for plan data. */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}
