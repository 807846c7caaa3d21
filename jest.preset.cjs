// Shared Jest settings for every project. SWC transpiles TypeScript (type checking is the
// build target's job, so tests stay fast); decorator metadata is kept for NestJS DI.
const path = require('node:path');
const fs = require('node:fs');

const root = __dirname;
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

// "@eventline/x" -> "<root>/libs/x/src/index.ts", taken from tsconfig paths so there is one list.
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace('\\*', '(.*)');
  moduleNameMapper[`^${escaped}$`] = path.join(root, target.replace('*', '$1'));
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          // Resolve "@eventline/*" at compile time too: Jest's module mapper does not apply to
          // files it transforms for global setup.
          baseUrl: root,
          paths: compilerOptions.paths,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: path.join(root, 'libs/testing/src/jest/global-setup.cjs'),
  globalTeardown: path.join(root, 'libs/testing/src/jest/global-teardown.cjs'),
};
