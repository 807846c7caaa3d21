import { LocalZipkinErrorCode } from './local-zipkin.error';
import { checkStartOptions, type StartZipkinOptions } from './start-options';

describe('checkStartOptions', () => {
  it('fills the defaults and leaves the port to be chosen', () => {
    expect(checkStartOptions({}, {})).toEqual({ port: undefined, heapMb: 256, maxSpans: 50_000, startTimeoutMs: 120_000 });
  });

  it.each<[string, StartZipkinOptions, NodeJS.ProcessEnv, Partial<ReturnType<typeof checkStartOptions>>]>([
    ['a port', { port: 9411 }, {}, { port: 9411 }],
    ['the deadline from the environment', {}, { EVENTLINE_ZIPKIN_START_TIMEOUT_MS: '300000' }, { startTimeoutMs: 300_000 }],
    ['the deadline option over the environment', { startTimeoutMs: 5_000 }, { EVENTLINE_ZIPKIN_START_TIMEOUT_MS: '300000' }, { startTimeoutMs: 5_000 }],
    ['a bigger heap and store', { heapMb: 512, maxSpans: 200_000 }, {}, { heapMb: 512, maxSpans: 200_000 }],
  ])('takes %s', (_, options, env, expected) => {
    expect(checkStartOptions(options, env)).toMatchObject(expected);
  });

  it.each<[string, StartZipkinOptions, NodeJS.ProcessEnv, RegExp]>([
    ['port 0', { port: 0 }, {}, /port must be a whole number from 1 to 65535 \(got 0\)/],
    ['port 70000', { port: 70_000 }, {}, /got 70000/],
    ['a port that is not a number', { port: Number('abc') }, {}, /got NaN/],
    ['a tiny heap', { heapMb: 16 }, {}, /heapMb must be .* at least 64 \(got 16\)/],
    ['no spans kept', { maxSpans: 0 }, {}, /maxSpans must be a positive whole number/],
    ['a deadline variable that is not a number', {}, { EVENTLINE_ZIPKIN_START_TIMEOUT_MS: 'soon' }, /EVENTLINE_ZIPKIN_START_TIMEOUT_MS="soon" must be/],
  ])('refuses %s', (_, options, env, message) => {
    expect(() => checkStartOptions(options, env)).toThrow(expect.objectContaining({ code: LocalZipkinErrorCode.InvalidOption, message: expect.stringMatching(message) }));
  });

  it('lists every problem at once', () => {
    expect(() => checkStartOptions({ port: -1, heapMb: 1, maxSpans: 1.5 }, {})).toThrow(/cannot start Zipkin:\n {2}- port.*\n {2}- heapMb.*\n {2}- maxSpans/);
  });
});
