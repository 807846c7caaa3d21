import { parseConsumerPerformance, parseProducerPerformance } from './kafka-tool';

describe("parsing Kafka's perf tools", () => {
  it('takes the final summary line of ProducerPerformance', () => {
    const out = [
      '51234 records sent, 10246.8 records/sec (1.95 MB/sec), 900.1 ms avg latency, 1400.0 ms max latency.',
      '200000 records sent, 74349.442379 records/sec (14.04 MB/sec), 812.33 ms avg latency, 1620.00 ms max latency, 800 ms 50th, 1500 ms 95th.',
    ].join('\n');
    expect(parseProducerPerformance(out)).toBeCloseTo(74_349.44, 1);
  });

  it('reads ConsumerPerformance columns by name', () => {
    const out = [
      'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
      '2026-11-28 07:00:00:000, 2026-11-28 07:00:03:000, 37.7670, 12.5890, 200000, 66666.6667, 1000, 2000, 18.8835, 100000.0000',
    ].join('\n');
    expect(parseConsumerPerformance(out)).toEqual({ fetchRecordsPerSecond: 100_000, totalRecordsPerSecond: 66_666.6667, records: 200_000 });
  });

  it('says what it got when the tool printed no result', () => {
    expect(() => parseProducerPerformance('Exception in thread "main"')).toThrow(/no summary line/);
    expect(() => parseConsumerPerformance('WARN nothing')).toThrow(/no result line/);
  });
});
