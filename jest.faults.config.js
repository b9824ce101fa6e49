// `npm run test:faults`: the reliability and abuse suite (test/faults/**/*.faults.ts). Kept out of
// jest.config.js so `npm test` stays fast: its files end in `.faults.ts`, which no project there matches.
// One file at a time: the load and crash figures are measured, and the machine is small.
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'faults',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.faults.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  setupFilesAfterEnv: ['<rootDir>/test/faults/support/faults-timeout.ts'],
  maxWorkers: 1,
};
