import type { KafkaMessage } from 'kafkajs';
import { replayProvenanceHeaders } from '../provenance/provenance.header';
import { ReplayCheckpoint } from './replay-checkpoint';

const record = (headers: Record<string, string>) => ({ key: null, value: null, timestamp: '0', attributes: 0, offset: '0', headers }) as KafkaMessage;

describe('ReplayCheckpoint', () => {
  it('remembers only records of its own replay id and source topic', () => {
    const checkpoint = new ReplayCheckpoint('r1', 'orders');
    checkpoint.observe(record(replayProvenanceHeaders({ replayId: 'r1', sourceTopic: 'orders', sourcePartition: 2, sourceOffset: '40' })));
    checkpoint.observe(record(replayProvenanceHeaders({ replayId: 'r2', sourceTopic: 'orders', sourcePartition: 2, sourceOffset: '41' })));
    checkpoint.observe(record(replayProvenanceHeaders({ replayId: 'r1', sourceTopic: 'payments', sourcePartition: 2, sourceOffset: '42' })));
    checkpoint.observe(record({ 'eventline-replay-id': 'r1' }));
    expect(checkpoint.has(2, 40n)).toBe(true);
    expect(checkpoint.has(2, 41n)).toBe(false);
    expect(checkpoint.has(2, 42n)).toBe(false);
    expect(checkpoint.size).toBe(1);
  });

  it('counts copied offsets inside a range only, holes included', () => {
    const checkpoint = new ReplayCheckpoint('r1', 'orders');
    for (const offset of [3n, 4n, 6n, 9n]) checkpoint.record(0, offset);
    expect(checkpoint.copiedIn({ partition: 0, from: 4n, to: 9n, count: 5n })).toBe(2n);
    expect(checkpoint.copiedIn({ partition: 1, from: 0n, to: 9n, count: 9n })).toBe(0n);
  });
});
