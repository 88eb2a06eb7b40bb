export * from './database.js';
export * from './generate.js';
export * from './hash.js';
export * from './plan.js';
export * from './rows.js';
export * from './tiers.js';
