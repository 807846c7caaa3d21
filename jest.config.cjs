// `npm test`: every project's tests in one Jest run, against the real broker that the
// shared global setup starts (or finds). Per project: `npx nx test <project>`.
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const projects = ['apps', 'libs'].flatMap((dir) =>
  readdirSync(path.join(__dirname, dir))
    .map((name) => path.join(__dirname, dir, name, 'jest.config.cjs'))
    .filter((config) => existsSync(config)),
);

module.exports = {
  projects,
  reporters: ['default', '<rootDir>/libs/testing/src/jest/summary.reporter.cjs'],
  // Integration tests share one broker on two cores; more workers only add contention.
  maxWorkers: 2,
  // Integration tests wait on a real broker (group joins, leader elections).
  testTimeout: 60_000,
};
