import { LocalZipkinErrorCode } from './local-zipkin.error';
import { parseServices, parseSpans, parseTraces, traceIdsOf } from './zipkin-answers';
import { isZipkinTraceId, type ZipkinSpan } from './zipkin-span';

const span = (traceId: string, id: string): ZipkinSpan => ({ traceId, id, name: 'get /', localEndpoint: { serviceName: 'orders-service' } });

describe('Zipkin answers are checked before they are handed on', () => {
  it.each<[string, (body: unknown) => unknown, unknown, unknown]>([
    ['services', parseServices, ['fulfillment-worker', 'orders-service'], ['fulfillment-worker', 'orders-service']],
    ['no services yet', parseServices, [], []],
    ['a trace', parseSpans, [span('463ac35c9f6413ad', '48485a3953bb6124')], [span('463ac35c9f6413ad', '48485a3953bb6124')]],
    ['traces', parseTraces, [[span('a1', 'b1')], []], [[span('a1', 'b1')], []]],
  ])('accepts %s', (_, parse, body, parsed) => {
    expect(parse(body)).toEqual(parsed);
  });

  it.each<[string, (body: unknown) => unknown, unknown]>([
    ['an object for services', parseServices, { services: [] }],
    ['a number among service names', parseServices, ['orders-service', 7]],
    ['an HTML page for a trace', parseSpans, '<html>proxy error</html>'],
    ['a span without an id', parseSpans, [{ traceId: '463ac35c9f6413ad' }]],
    ['flat spans for traces', parseTraces, [span('a1', 'b1')]],
    ['null for traces', parseTraces, null],
  ])('refuses %s with UNEXPECTED_ANSWER', (_, parse, body) => {
    expect(() => parse(body)).toThrow(expect.objectContaining({ code: LocalZipkinErrorCode.UnexpectedAnswer }));
  });

  it('names the endpoint and cuts a long body', () => {
    expect(() => parseServices('x'.repeat(500), 'http://127.0.0.1:9411/api/v2/services')).toThrow(
      /^http:\/\/127\.0\.0\.1:9411\/api\/v2\/services answered "x{199}…, not a list of service names$/,
    );
  });
});

describe('traceIdsOf', () => {
  it('lists each trace id once, in the order Zipkin answered', () => {
    expect(traceIdsOf([[span('t2', 's1'), span('t2', 's2')], [span('t1', 's3')], [span('t2', 's4')]])).toEqual(['t2', 't1']);
  });
});

describe('isZipkinTraceId', () => {
  it.each<[string, boolean]>([
    ['463ac35c9f6413ad', true],
    ['463ac35c9f6413ad48485a3953bb6124', true],
    ['463AC35C9F6413AD', false],
    ['463ac35c9f6413a', false],
    ['463ac35c9f6413ad4', false],
    ['zz', false],
    ['', false],
  ])('%j → %s', (id, valid) => {
    expect(isZipkinTraceId(id)).toBe(valid);
  });
});
