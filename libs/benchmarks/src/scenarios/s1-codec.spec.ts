import { parseCodecBench } from './s1-codec.scenario';

describe('reading the codec bench output', () => {
  it('keeps each figure with its section, and ignores the ratio lines', () => {
    const out = [
      'node v20.20.2, 400 ms per measurement, 131-byte record',
      'encode',
      '  raw avsc toBuffer (same type options)             1,234,567 ops/s',
      '  eventline AvroEncoder.encode                        987,654 ops/s',
      'decode',
      '  eventline AvroDecoder.decode (async)                543,210 ops/s',
      '@kafkajs/confluent-schema-registry',
      '  decode(buffer, { readerSchema })                     12,345 ops/s',
      'ratios',
      '  encode: eventline / raw avsc (same options) = 0.80x; / avsc defaults = 0.70x',
    ].join('\n');
    expect(parseCodecBench(out)).toEqual([
      { section: 'encode', label: 'raw avsc toBuffer (same type options)', opsPerSecond: 1_234_567 },
      { section: 'encode', label: 'eventline AvroEncoder.encode', opsPerSecond: 987_654 },
      { section: 'decode', label: 'eventline AvroDecoder.decode (async)', opsPerSecond: 543_210 },
      { section: '@kafkajs/confluent-schema-registry', label: 'decode(buffer, { readerSchema })', opsPerSecond: 12_345 },
    ]);
  });
});
