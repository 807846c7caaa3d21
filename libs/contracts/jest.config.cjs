const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'contracts',
  rootDir: __dirname,
  // The code generator and the schema gate live in tools/ (they are not part of the library's
  // runtime entry) but are tested like the rest of the project.
  testMatch: [...preset.testMatch, '<rootDir>/tools/**/*.spec.ts', '<rootDir>/tools/**/*.int-spec.ts'],
};
