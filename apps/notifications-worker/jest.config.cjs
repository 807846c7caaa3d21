module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'notifications-worker',
  rootDir: __dirname,
};
