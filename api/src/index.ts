export * from './app.factory.js';
export * from './auth/permissions.js';
export * from './config/config.js';
export * from './database/data-source.js';
export * from './database/database.js';
export * from './database/embedded-postgres.js';
export * from './database/startup-error.js';
export * from './server.js';
