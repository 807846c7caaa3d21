import { AvroCodec, CodecMode } from '@eventline/codec';
import { resolvePublisherOptions, type EventPublisherOptions } from './event-publisher.options';
import { PublishErrorCode } from './publish.error';
import { kafkaJsClient } from '../kafka/kafkajs';
import { FakeKafka } from '../kafka/kafkajs/testing/fake-kafkajs';
import { InMemorySchemaRegistry } from './testing/in-memory-schema-registry';

const base: EventPublisherOptions = {
  client: kafkaJsClient(new FakeKafka({}).client),
  codec: new AvroCodec({ registry: new InMemorySchemaRegistry(), mode: CodecMode.Development }),
  source: '/eventline/spec',
};

describe('resolvePublisherOptions', () => {
  it('defaults to a short linger, no compression, 5 in flight and bounded resends', () => {
    expect(resolvePublisherOptions(base)).toMatchObject({
      lingerMs: 1,
      compression: 'none',
      maxInFlightRequests: 5,
      resend: { maxAttempts: 8 },
    });
  });

  it.each([
    ['an empty source', { source: ' ' }, 'source'],
    ['a negative linger', { lingerMs: -1 }, 'lingerMs'],
    ['6 requests in flight (idempotence keeps order only up to 5)', { maxInFlightRequests: 6 }, 'maxInFlightRequests'],
    ['a zero batch count', { maxBatchCount: 0 }, 'maxBatchCount'],
    ['a tiny byte limit', { maxBatchBytes: 10 }, 'maxBatchBytes'],
    ['an unknown compression', { compression: 'brotli' as never }, 'compression must be one of'],
    ['a compression kafkajs has no codec for', { compression: 'zstd' as const }, 'needs a codec'],
    ['a resend policy without attempts', { resend: { maxAttempts: 0 } }, 'maxAttempts'],
  ])('refuses %s, naming the option', (_name, overrides, mentioned) => {
    expect(() => resolvePublisherOptions({ ...base, ...overrides })).toThrow(
      expect.objectContaining({ code: PublishErrorCode.ConfigInvalid, retriable: false, message: expect.stringContaining(mentioned) }),
    );
  });

  it('names every wrong option at once', () => {
    expect(() => resolvePublisherOptions({ ...base, lingerMs: Number.NaN, maxBatchCount: 1.5 })).toThrow(/lingerMs.*maxBatchCount/);
  });
});
