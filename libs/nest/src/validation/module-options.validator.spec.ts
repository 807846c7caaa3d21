import type { EventlineModuleOptions } from '../eventline-module.options';
import { EventlineConfigErrorCode } from '../errors/eventline-config.error';
import { validateModuleOptions } from './module-options.validator';

const valid: EventlineModuleOptions = {
  brokers: ['127.0.0.1:9092'],
  schemaRegistryUrl: 'http://127.0.0.1:8081',
  codecMode: 'development',
  consumer: { groupId: 'billing' },
  publisher: { source: '/eventline/billing' },
};

describe('validateModuleOptions', () => {
  it.each<[string, Partial<Record<keyof EventlineModuleOptions, unknown>>, string]>([
    ['no brokers', { brokers: [] }, "brokers must list host:port addresses, e.g. ['127.0.0.1:9092'] (got [])"],
    ['a broker without a port', { brokers: ['kafka'] }, `brokers must list host:port addresses, e.g. ['127.0.0.1:9092'] (got ["kafka"])`],
    ['a registry that is not a URL', { schemaRegistryUrl: '127.0.0.1:8081' }, 'schemaRegistryUrl must be an http(s) URL, e.g. http://127.0.0.1:8081 (got "127.0.0.1:8081")'],
    ['an unknown codec mode', { codecMode: 'prod' }, 'codecMode must be one of production, development (got "prod")'],
    ['an empty group id', { consumer: { groupId: '' } }, 'consumer.groupId must be a non-empty consumer group id'],
    ['a publisher without a source', { publisher: { source: '' } }, "publisher.source must be a non-empty CloudEvents source, e.g. '/eventline/orders-service'"],
    ['a negative linger', { publisher: { source: '/s', lingerMs: -1 } }, 'publisher.lingerMs must be a whole number ≥ 0 (got -1)'],
    ['a connect mode that does not exist', { publisher: { source: '/s', connect: 'lazy' } }, 'publisher.connect must be one of startup, background (got "lazy")'],
  ])('refuses %s', (_case, change, problem) => {
    expect(() => validateModuleOptions({ ...valid, ...change } as EventlineModuleOptions)).toThrow(
      expect.objectContaining({ code: EventlineConfigErrorCode.OptionsInvalid, message: `EventlineModule options are invalid: ${problem}` }),
    );
  });

  it.each(['startup', 'background'] as const)('accepts publisher.connect %s', (connect) => {
    expect(() => validateModuleOptions({ ...valid, publisher: { source: '/s', connect } })).not.toThrow();
  });

  it('accepts a complete configuration and returns it unchanged', () => {
    expect(validateModuleOptions(valid)).toBe(valid);
  });
});
