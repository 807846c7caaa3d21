module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'fulfillment-worker',
  rootDir: __dirname,
};
