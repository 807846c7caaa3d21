module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'console-app',
  rootDir: __dirname,
};
