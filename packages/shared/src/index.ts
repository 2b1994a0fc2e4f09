export * from './roles.js';
export * from './errors.js';
export * from './organisations.js';
export * from './units.js';
export * from './limits.js';
export * from './text.js';
export * from './dates.js';
export * from './coordination.js';
