import { OpsErrorCode } from '../errors/ops.error';
import { planTopicCreate } from './topic-create.plan';

describe('planTopicCreate', () => {
  const orders = { name: 'orders', partitions: 6, configs: { 'retention.ms': '604800000', 'cleanup.policy': 'delete' } };

  it.each([
    ['defaults', 'a', {}, undefined, { topic: 'a', partitions: 1, replicationFactor: -1, configs: {} }],
    ['a template gives partitions and configs', 'orders.replay', {}, orders, { partitions: 6, configs: orders.configs, like: 'orders' }],
    ['partitions and configs asked for win over the template', 'b', { partitions: 3, config: ['retention.ms=1000'] }, orders, { partitions: 3, configs: { 'retention.ms': '1000', 'cleanup.policy': 'delete' } }],
  ])('%s', (_name, topic, flags, template, expected) => {
    expect(planTopicCreate(topic, flags, template)).toMatchObject(expected);
  });

  it.each([
    ['a bad name', 'has space', {}, /is not a Kafka topic name/],
    ['a config without =', 'ok', { config: ['retention.ms'] }, /expected name=value/],
  ])('refuses %s', (_name, topic, flags, message) => {
    expect(() => planTopicCreate(topic, flags)).toThrow(message);
    try {
      planTopicCreate(topic, flags);
    } catch (error) {
      expect((error as { code: string }).code).toBe(OpsErrorCode.BadArgument);
    }
  });
});
