module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'connection',
  rootDir: __dirname,
};
