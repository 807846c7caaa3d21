/**
 * The real Zipkin server from Maven Central, started on a free port. Expected: a Zipkin v2
 * JSON span POSTed to the spans endpoint (as OpenTelemetry's Zipkin exporter sends it) is
 * read back through trace(id) with its parent, kind, tags and service; the service is listed
 * by services() and the trace found by traceIds(); stop() ends the JVM and frees the port.
 */
import { randomBytes } from 'node:crypto';
import { canBind } from './loopback-port';
import { startZipkin, type LocalZipkin } from './start-zipkin';
import { ZipkinSpanKind, type ZipkinSpan } from './zipkin-span';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Zipkin indexes a span after it answered 202 to its POST: poll for the condition. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 20_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)} after ${deadlineMs} ms`);
    await sleep(200);
  }
}

describe('local Zipkin', () => {
  let zipkin: LocalZipkin;

  beforeAll(async () => {
    zipkin = await startZipkin();
  }, 180_000);

  afterAll(async () => {
    await zipkin?.stop();
  });

  it('serves a posted span back by trace id, service name and service list', async () => {
    expect(zipkin.url).toBe(`http://127.0.0.1:${zipkin.port}`);
    expect(zipkin.uiUrl).toBe(`${zipkin.url}/zipkin/`);
    expect(zipkin.spansEndpoint).toBe(`${zipkin.url}/api/v2/spans`);

    const traceId = randomBytes(16).toString('hex');
    const serviceName = `zipkin-spec-${randomBytes(4).toString('hex')}`;
    const now = Date.now() * 1000;
    const request: ZipkinSpan = {
      traceId,
      id: randomBytes(8).toString('hex'),
      name: 'post /orders',
      kind: ZipkinSpanKind.Server,
      timestamp: now,
      duration: 12_000,
      localEndpoint: { serviceName },
      tags: { 'http.route': '/orders' },
    };
    const send: ZipkinSpan = {
      traceId,
      id: randomBytes(8).toString('hex'),
      parentId: request.id,
      name: 'send orders',
      kind: ZipkinSpanKind.Producer,
      timestamp: now + 1_000,
      duration: 3_000,
      localEndpoint: { serviceName },
      tags: { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' },
    };
    const posted = await fetch(zipkin.spansEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([request, send]) });
    expect(posted.status).toBe(202);

    const spans = await eventually(() => zipkin.trace(traceId), (s) => s.length === 2, `trace ${traceId}`);
    expect(spans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: request.id, kind: 'SERVER', name: 'post /orders', localEndpoint: { serviceName } }),
        expect.objectContaining({ id: send.id, parentId: request.id, kind: 'PRODUCER', tags: send.tags }),
      ]),
    );
    await eventually(() => zipkin.services(), (names) => names.includes(serviceName), 'services');
    expect(await eventually(() => zipkin.traceIds(serviceName, { lookbackMs: 60_000 }), (ids) => ids.length > 0, 'traceIds')).toEqual([traceId]);
    expect(await zipkin.traceIds(serviceName, { spanName: 'no such span' })).toEqual([]);
    // An id Zipkin has never seen is no trace, not an error.
    expect(await zipkin.trace(randomBytes(16).toString('hex'))).toEqual([]);
  });

  it('stops: the JVM has exited and the port is free again', async () => {
    await zipkin.stop();
    await expect(fetch(`${zipkin.url}/health`)).rejects.toThrow();
    expect(await canBind(zipkin.port)).toBe(true);
    await zipkin.stop();
  });
});
