import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { javaCommand, requireJava } from './java-runtime';
import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import { canBind, freePort, LOOPBACK } from './loopback-port';
import { checkStartOptions, type StartZipkinOptions } from './start-options';
import { ensureZipkinJar } from './zipkin-jar';
import { ZipkinProcess } from './zipkin-process';
import { ZipkinQuery, type TraceQuery } from './zipkin-query';
import { waitUntilHealthy } from './zipkin-readiness';
import type { ZipkinSpan } from './zipkin-span';

/** A running Zipkin server that this process started, and its query API. */
export interface LocalZipkin {
  /** http://127.0.0.1:<port>: the query API and the collector. */
  readonly url: string;
  /** The web UI: <url>/zipkin/. */
  readonly uiUrl: string;
  /** Where OpenTelemetry's Zipkin exporter posts (OTEL_EXPORTER_ZIPKIN_ENDPOINT): <url>/api/v2/spans. */
  readonly spansEndpoint: string;
  readonly port: number;
  readonly logFile: string;
  readonly pid?: number;
  /** From the launch to the first 200 of /health. */
  readonly startMs: number;
  traceIds(serviceName: string, query?: TraceQuery): Promise<string[]>;
  trace(traceId: string): Promise<ZipkinSpan[]>;
  services(): Promise<string[]>;
  /** Ends the JVM and resolves once it has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

async function refuseTakenPort(port: number): Promise<void> {
  if (await canBind(port)) return;
  // One left running by an earlier start is the usual case; say so.
  const zipkin = await fetch(`http://${LOOPBACK}:${port}/health`, { signal: AbortSignal.timeout(1_000) })
    .then((r) => r.text())
    .then((body) => /"zipkin"/i.test(body), () => false);
  throw new LocalZipkinError(
    LocalZipkinErrorCode.PortTaken,
    zipkin
      ? `a Zipkin server already answers on ${LOOPBACK}:${port} (left running by an earlier start?).`
      : `port ${port} on ${LOOPBACK} is taken by another process.`,
    `Stop whatever listens there (ss -ltnp 'sport = :${port}' names it) or choose another port (ZIPKIN_PORT for npm start).`,
  );
}

/**
 * Starts Zipkin's server (in-memory storage) as a JVM on loopback and resolves once it
 * answers /health. Java is checked first, then the jar (fetched with Maven on first use),
 * then the port; every refusal is a LocalZipkinError saying what to do.
 */
export async function startZipkin(options: StartZipkinOptions = {}): Promise<LocalZipkin> {
  const checked = checkStartOptions(options);
  const java = javaCommand(options.javaHome);
  requireJava(java);
  const jar = ensureZipkinJar({ jar: options.jar, log: options.log });
  let port = checked.port;
  if (port === undefined) port = await freePort();
  else await refuseTakenPort(port);
  const logFile = options.logFile ?? join(workspaceRoot(), '.cache', 'zipkin', `zipkin-${port}.log`);

  const url = `http://${LOOPBACK}:${port}`;
  const launchedAt = Date.now();
  const server = ZipkinProcess.launch({ java, jar, port, heapMb: checked.heapMb, maxSpans: checked.maxSpans, logFile });
  try {
    await waitUntilHealthy(server, url, logFile, checked.startTimeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const startMs = Date.now() - launchedAt;
  const query = new ZipkinQuery(url);
  return {
    url,
    uiUrl: `${url}/zipkin/`,
    spansEndpoint: `${url}/api/v2/spans`,
    port,
    logFile,
    pid: server.pid,
    startMs,
    traceIds: (serviceName, traceQuery) => query.traceIds(serviceName, traceQuery),
    trace: (traceId) => query.trace(traceId),
    services: () => query.services(),
    stop: async () => void (await server.stop()),
  };
}
