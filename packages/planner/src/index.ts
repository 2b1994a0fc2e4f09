export * from './types.js';
export { PlanError, type PlanErrorCode } from './errors.js';
export { weightedValue } from './value.js';
export {
  BLOCKING_ISSUE_CODES,
  BUDGET_TOLERANCE,
  MAX_SPAN_YEARS,
  validatePlanInput,
} from './prepare.js';
export { checkSchedule } from './schedule.js';
export { greedyPlan, compareWithGreedy } from './greedy.js';
export { planRoadmap, roadmapLp, warmUpSolver, DEFAULT_TIME_LIMIT_SECONDS } from './plan.js';
export { generateInstance, DEMO_WEIGHTS } from './generate.js';
export { loadSolver } from './solver.js';
