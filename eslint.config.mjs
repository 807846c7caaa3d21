import nx from '@nx/eslint-plugin';

/**
 * Module boundaries on two axes. scope says which part of the product a project belongs to,
 * type says what kind of code it is. Each constraint lists what a project MAY import.
 *
 *   type:app       thin wiring (NestJS apps, CLIs)        -> feature, runtime, contracts, util, tooling
 *   type:feature   NestJS integration, service kit       -> feature, runtime, contracts, util, tooling
 *   type:runtime   publisher, consumer runner             -> contracts, util
 *   type:contracts schemas, catalog, codec                -> util
 *   type:util      small pure helpers                     -> util
 *   type:tooling   dev tooling (the local Kafka launcher) -> tooling, util
 *   type:testing   test harness: only tests import it     -> anything but apps
 *
 *   scope:shared   libraries every app uses               -> shared
 *   scope:dev      local infrastructure and test harness  -> dev, shared
 *   scope:registry the schema registry service            -> registry, shared
 *   scope:pipeline the demo pipeline's apps               -> pipeline, shared, dev
 *   scope:ops      the eventline CLI, the console and the operations library -> ops, shared, dev
 */
const typeConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:runtime', 'type:contracts', 'type:util', 'type:tooling'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:runtime', 'type:contracts', 'type:util', 'type:tooling'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:tooling', 'type:feature', 'type:runtime', 'type:contracts', 'type:util'],
  },
];
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:dev', onlyDependOnLibsWithTags: ['scope:dev', 'scope:shared'] },
  { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['scope:registry', 'scope:shared'] },
  { sourceTag: 'scope:pipeline', onlyDependOnLibsWithTags: ['scope:pipeline', 'scope:shared', 'scope:dev'] },
  { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:ops', 'scope:shared', 'scope:dev'] },
];

// Test files may also import the test harness (type:testing, scope:dev); production code may not.
const withTesting = (constraints) =>
  constraints.map((c) => ({
    ...c,
    onlyDependOnLibsWithTags: [...new Set([...c.onlyDependOnLibsWithTags, 'type:testing', 'scope:dev', 'type:tooling'])],
  }));

const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints,
  },
];

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.cache', '**/.nx', '**/coverage', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([...typeConstraints, ...scopeConstraints]),
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The console's web UI (browser code, React): the same boundaries as any .ts file.
    files: ['apps/console/web/**/*.ts', 'apps/console/web/**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([...typeConstraints, ...scopeConstraints]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries([...withTesting(typeConstraints), ...withTesting(scopeConstraints)]),
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The Kafka client port (libs/runtime/src/kafka/kafka-client.port.ts): kafkajs is the
    // business of its one adapter, so the client can be changed by writing another adapter.
    // Tests may drive kafkajs directly (raw producers, readers).
    files: ['libs/runtime/**/*.ts', 'libs/nest/**/*.ts'],
    ignores: ['libs/runtime/src/kafka/kafkajs/**', ...TEST_FILES, 'libs/runtime/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'kafkajs belongs to the adapter in libs/runtime/src/kafka/kafkajs; use the Kafka client port (@eventline/runtime: KafkaClient, ConsumedRecord, RecordHeaders…).' }] },
      ],
    },
  },
  {
    // Jest configs reach the shared preset by path; they are not part of any module graph.
    files: ['**/jest.config.cjs', 'jest.preset.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
