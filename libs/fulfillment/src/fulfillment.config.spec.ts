import { ConfigError } from '@eventline/service-kit';
import { fulfillmentConfig } from './fulfillment.config';

describe('fulfillment worker settings', () => {
  it('runs on embedded defaults', () => {
    expect(fulfillmentConfig({})).toMatchObject({ port: 3101, connection: { kafka: { brokers: ['127.0.0.1:9092'] } }, groupId: 'fulfillment-worker', codecMode: 'development', topicPrefix: '' });
  });

  it('reads a secured connection from the environment', () => {
    const config = fulfillmentConfig({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'fulfillment-worker', KAFKA_SASL_PASSWORD: 'x' });
    expect(config.connection.kafka).toMatchObject({ securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'fulfillment-worker' } });
  });

  it('refuses nonsense, naming each setting', () => {
    expect(() => fulfillmentConfig({ PORT: '-1', EVENTLINE_CODEC_MODE: 'yolo' })).toThrow(ConfigError);
    expect(() => fulfillmentConfig({ PORT: '-1', EVENTLINE_CODEC_MODE: 'yolo' })).toThrow(/PORT=-1[\s\S]*EVENTLINE_CODEC_MODE=yolo/);
  });
});
