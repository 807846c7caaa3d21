/**
 * Expected: a process that imports its telemetry first, started with the standard OTEL_*
 * variables (OTEL_TRACES_EXPORTER=zipkin and its endpoint), exports its HTTP SERVER span
 * under its service name by the time its graceful stop finishes; probes (/health) are not
 * traced; pino lines written in the request carry its trace_id and span_id. Without any
 * OTEL_* variable the same process says tracing is off and sends nothing. A child process
 * (instrumentation patches Node's module loading, which Jest's registry bypasses) and a
 * local HTTP endpoint that records what a Zipkin server would receive.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly kind?: string;
  readonly name: string;
  readonly localEndpoint?: { readonly serviceName?: string };
  readonly tags?: Record<string, string>;
}

const workspace = join(__dirname, '..', '..', '..');

function runFixture(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'traced-app.ts')], {
    cwd: workspace,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('an app process with telemetry', () => {
  const received: ZipkinSpan[] = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method === 'POST' && req.url === '/api/v2/spans') received.push(...(JSON.parse(body) as ZipkinSpan[]));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/spans`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => void received.splice(0));

  it('exports its HTTP server span under its service name, skips probes, and puts the trace on its pino lines', async () => {
    const { code, output } = await runFixture({ OTEL_TRACES_EXPORTER: 'zipkin', OTEL_EXPORTER_ZIPKIN_ENDPOINT: endpoint });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain(`tracing: on as traced-fixture (zipkin to ${endpoint}, sampler parentbased_always_on)`);

    const servers = received.filter((s) => s.kind === 'SERVER');
    expect(servers.map((s) => s.tags?.['http.target'] ?? s.tags?.['url.path'])).toEqual(['/orders']);
    expect(servers[0].localEndpoint?.serviceName).toBe('traced-fixture');
    const client = received.find((s) => s.kind === 'CLIENT' && s.traceId === servers[0].traceId);
    expect(client).toBeDefined();

    const line = output.split('\n').find((l) => l.includes('listing orders'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ trace_id: servers[0].traceId, span_id: servers[0].id });
  });

  it('says tracing is off and sends nothing without OTEL_* variables', async () => {
    const { code, output } = await runFixture({});
    expect(code).toBe(0);
    expect(output).toContain('tracing: off (no OTEL_TRACES_EXPORTER or OTLP endpoint set)');
    const line = output.split('\n').find((l) => l.includes('listing orders'));
    expect(JSON.parse(line ?? '{}')).not.toHaveProperty('trace_id');
    expect(received).toEqual([]);
  });

  it('refuses to start on a bad OTEL_* value, naming it', async () => {
    const { code, output } = await runFixture({ OTEL_TRACES_EXPORTER: 'zipkin', OTEL_TRACES_SAMPLER: 'sometimes' });
    expect(code).not.toBe(0);
    expect(output).toContain('OTEL_TRACES_SAMPLER=sometimes: expected one of');
  });
});
