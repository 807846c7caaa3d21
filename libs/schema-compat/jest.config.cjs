module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'schema-compat',
  rootDir: __dirname,
};
