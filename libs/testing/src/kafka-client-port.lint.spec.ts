/**
 * The Kafka client port holds only if nothing outside its adapter imports kafkajs: lint must
 * refuse kafkajs in the runtime's and the nest module's production files, and let the
 * adapter (and tests) have it. These lint probe sources in place, without writing them.
 */
import { lintMessages } from './lint/lint-probe';

const restrictedImports = (file: string, source: string) => lintMessages(file, source, 'no-restricted-imports');

const typeImport = "import type { KafkaMessage } from 'kafkajs';\nexport type M = KafkaMessage;\n";
const valueImport = "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n";

describe('kafkajs only inside the runtime’s adapter', () => {
  it.each([
    ['a runtime consumer file', 'libs/runtime/src/consumer/probe.ts', typeImport],
    ['a runtime publisher file', 'libs/runtime/src/publisher/probe.ts', valueImport],
    ['the port itself', 'libs/runtime/src/kafka/probe.ts', typeImport],
    ['a nest module file', 'libs/nest/src/consumers/probe.ts', typeImport],
  ])('refuses kafkajs in %s', (_where, file, source) => {
    expect(restrictedImports(file, source).join('\n')).toMatch(/kafkajs belongs to the adapter/);
  });

  it.each([
    ['the kafkajs adapter', 'libs/runtime/src/kafka/kafkajs/probe.ts'],
    ['a runtime integration spec', 'libs/runtime/test/probe.int-spec.ts'],
    ['another library (connection settings for kafkajs)', 'libs/connection/src/kafkajs/probe.ts'],
  ])('allows kafkajs in %s', (_where, file) => {
    expect(restrictedImports(file, valueImport)).toEqual([]);
  });
});
