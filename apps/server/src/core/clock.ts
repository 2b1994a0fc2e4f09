/**
 * The application's clock. In production it is the system clock; with CAUNOI_TEST_CLOCK=true
 * (refused in production) browser tests may move it, so that deadlines can pass on demand.
 */
export interface Clock {
  now(): Date;
  /** Moves the clock to `at` (null: back to the system clock). Only for the test clock. */
  set?(at: Date | null): void;
}

export const systemClock: Clock = { now: () => new Date() };

export function testClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set(at) {
      offsetMs = at ? at.getTime() - Date.now() : 0;
    },
  };
}
