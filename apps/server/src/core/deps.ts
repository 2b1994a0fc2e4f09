import type { AppConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { UnitsCache } from '../modules/units/units.service.js';
import type { Clock } from './clock.js';

/** Long-lived things every part of the app reaches through one object. */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  units: UnitsCache;
  /** The current time (the clock's, replaceable in tests). */
  now: () => Date;
  clock: Clock;
}
