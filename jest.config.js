/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  // Compiles the app once (TypeScript -> dist) before any test file boots Strapi.
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  setupFiles: ['<rootDir>/tests/helpers/env.js'],
  testTimeout: 120000,
  // Each test file boots its own Strapi (~300 MB); two at a time fits two cores.
  maxWorkers: 2,
};
