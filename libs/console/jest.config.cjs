module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'console-lib',
  rootDir: __dirname,
};
