// Test fixtures for analysis consumers; exported only under the source condition, never built.
export * from './fixtures.js';
export * from './write-run.js';
