module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'fulfillment',
  rootDir: __dirname,
};
