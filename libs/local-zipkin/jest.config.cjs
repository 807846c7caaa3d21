module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'local-zipkin',
  rootDir: __dirname,
};
