import { parsePipelineOptions } from './pipeline-options';

const argv = (...args: string[]) => ['node', 'apps/pipeline/src/main.ts', ...args];

describe('parsePipelineOptions', () => {
  it('runs without tracing, on the plaintext cluster, by default', () => {
    expect(parsePipelineOptions(argv())).toEqual({ rate: 5, workers: 1, summaryEvery: 5, ordersService: true, traffic: true, secure: false, tracing: false });
  });

  it.each<[string[], Record<string, unknown>]>([
    [['--tracing'], { tracing: true, secure: false }],
    [['--tracing', '--secure', '--workers', '3'], { tracing: true, secure: true, workers: 3 }],
    [['--no-orders-service', '--duration', '60'], { ordersService: false, duration: 60, tracing: false }],
  ])('%j', (args, expected) => {
    expect(parsePipelineOptions(argv(...args))).toMatchObject(expected);
  });
});
