import { Partitioners } from 'kafkajs';
import { KeyPartitioner } from './key-partitioner';

describe('KeyPartitioner', () => {
  it('puts keys where kafkajs (and the Java client) would', () => {
    const oracle = Partitioners.DefaultPartitioner();
    const ours = new KeyPartitioner();
    for (const count of [1, 3, 6, 12]) {
      const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));
      for (let i = 0; i < 200; i++) {
        const key = `order-${i}`;
        expect(ours.partitionOf('t', key, count)).toBe(oracle({ topic: 't', partitionMetadata, message: { key, value: null } }));
      }
    }
  });
});
