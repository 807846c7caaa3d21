import type { IHeaders, KafkaMessage } from 'kafkajs';
import { recordFilter } from './record-filter';

const message = (key: string | null, type?: string): KafkaMessage =>
  ({
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from('v'),
  timestamp: '0',
  attributes: 0,
  offset: '0',
    headers: (type === undefined ? {} : { ce_type: Buffer.from(type) }) as IHeaders,
  }) as KafkaMessage;

describe('recordFilter', () => {
  it.each([
    ['no filter', {}, message('k1', 'A'), true],
    ['no filter, keyless record', {}, message(null), true],
    ['key matches', { key: 'k1' }, message('k1'), true],
    ['key differs', { key: 'k1' }, message('k10'), false],
    ['key filter, keyless record', { key: 'k1' }, message(null), false],
    ['type matches', { type: 'A' }, message('k', 'A'), true],
    ['type differs', { type: 'A' }, message('k', 'B'), false],
    ['type filter, no ce_type header', { type: 'A' }, message('k'), false],
    ['both match', { key: 'k', type: 'A' }, message('k', 'A'), true],
    ['one of both differs', { key: 'k', type: 'A' }, message('x', 'A'), false],
  ])('%s', (_, spec, record, expected) => {
    expect(recordFilter(spec)(record)).toBe(expected);
  });
});
