export * from './types.js';
export * from './registry.js';
export * from './parse.js';
