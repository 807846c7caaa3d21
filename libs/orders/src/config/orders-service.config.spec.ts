import { ConfigError } from '@eventline/service-kit';
import { readOrdersServiceConfig } from './orders-service.config';

describe('orders service configuration', () => {
  it('starts on defaults: port 3000, embedded database, local Kafka and registry', () => {
    expect(readOrdersServiceConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      connection: { kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' }, registry: { url: 'http://127.0.0.1:8081' } },
      outboxPollMs: 100,
      outboxBatch: 100,
      codecMode: 'development',
    });
  });

  it('refuses nonsense, naming every variable to change', () => {
    let error: unknown;
    try {
      readOrdersServiceConfig({ PORT: 'http', OUTBOX_BATCH: '0', DATABASE_URL: 'mysql://x', DATABASE_SCHEMA: 'Orders-1', EVENTLINE_CODEC_MODE: 'prod', KAFKA_SECURITY_PROTOCOL: 'TLS' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('orders-service cannot start');
    for (const name of ['KAFKA_SECURITY_PROTOCOL="TLS"', 'PORT=http', 'OUTBOX_BATCH=0', 'DATABASE_URL=mysql://x', 'DATABASE_SCHEMA=Orders-1', 'EVENTLINE_CODEC_MODE=prod']) expect(message).toContain(name);
  });
});
