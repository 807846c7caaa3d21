import { ConfigError } from '@eventline/service-kit';
import { fulfillmentConfig } from './fulfillment.config';

describe('fulfillment worker settings', () => {
  it('runs on embedded defaults', () => {
    expect(fulfillmentConfig({})).toMatchObject({ port: 3101, brokers: ['127.0.0.1:9092'], groupId: 'fulfillment-worker', codecMode: 'development', topicPrefix: '' });
  });

  it('refuses nonsense, naming each setting', () => {
    expect(() => fulfillmentConfig({ PORT: '-1', EVENTLINE_CODEC_MODE: 'yolo' })).toThrow(ConfigError);
    expect(() => fulfillmentConfig({ PORT: '-1', EVENTLINE_CODEC_MODE: 'yolo' })).toThrow(/PORT=-1[\s\S]*EVENTLINE_CODEC_MODE=yolo/);
  });
});
