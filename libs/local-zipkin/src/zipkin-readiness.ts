import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import { tailFile } from '@eventline/local-kafka';
import type { ZipkinProcess } from './zipkin-process';

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function describeExit(server: ZipkinProcess): string {
  const exit = server.exitInfo;
  if (!exit) return 'is running';
  if (exit.error) return `could not be started (${exit.error.message})`;
  return exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code}`;
}

/**
 * Waits until `GET /health` answers 200 (Zipkin answers it once storage and the HTTP server
 * are up). Fails as soon as the JVM has exited, and with the log's tail at the deadline; the
 * caller stops the process in that case.
 */
export async function waitUntilHealthy(server: ZipkinProcess, url: string, logFile: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (server.exitInfo) {
      throw new LocalZipkinError(
        LocalZipkinErrorCode.ExitedEarly,
        `the Zipkin server ${describeExit(server)} while starting. Last lines of ${logFile}:\n${tailFile(logFile, 30)}`,
        `Read the whole log: ${logFile}.`,
      );
    }
    if (await healthy(url)) return;
    if (Date.now() > until) {
      throw new LocalZipkinError(
        LocalZipkinErrorCode.StartTimeout,
        `the Zipkin server did not answer ${url}/health within ${Math.round(deadlineMs / 1000)} s. Last lines of ${logFile}:\n${tailFile(logFile, 30)}`,
        'A loaded machine can need more time: set EVENTLINE_ZIPKIN_START_TIMEOUT_MS (or the startTimeoutMs option).',
      );
    }
    await sleep(POLL_MS);
  }
}
