const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'console-app',
  rootDir: __dirname,
  // The web UI's pure helpers (form → request, URL → filter) have unit specs beside them.
  testMatch: [...preset.testMatch, '<rootDir>/web/src/**/*.spec.ts'],
};
