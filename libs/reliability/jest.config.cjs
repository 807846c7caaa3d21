module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'reliability',
  rootDir: __dirname,
};
