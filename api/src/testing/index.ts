export * from './factories.js';
export * from './random.js';
