module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'local-kafka',
  rootDir: __dirname,
};
