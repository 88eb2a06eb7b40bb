export * from './factories.js';
export * from './random.js';
export * from './seat-history.js';
