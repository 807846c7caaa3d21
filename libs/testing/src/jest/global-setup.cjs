// Jest global setup: make sure a real Kafka broker is up before any test runs.
// Jest loads this file without the project's module mapping, so it registers SWC with the
// workspace tsconfig (paths included) and hands over to the TypeScript implementation.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '../../../../tsconfig.base.json');
require('@swc-node/register');
module.exports = require('./kafka-global-setup').globalSetup;
