/**
 * Each way a start can fail ends in one LocalZipkinError whose code names the cause, without
 * a JVM: a fake `java` script stands in for the runtime. A start that fails leaves no process
 * behind.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalZipkinErrorCode } from './local-zipkin.error';
import { startZipkin } from './start-zipkin';

const dir = mkdtempSync(join(tmpdir(), 'local-zipkin-spec-'));
const jar = join(dir, 'zipkin-server-exec.jar');
writeFileSync(jar, '');

/** A JAVA_HOME whose bin/java answers `-version` with `version` and otherwise runs `body`. */
function fakeJavaHome(name: string, version: string, body: string): string {
  const home = join(dir, name);
  mkdirSync(join(home, 'bin'), { recursive: true });
  const java = join(home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\nif [ "$1" = "-version" ]; then echo 'openjdk version "${version}" 2025-04-15' >&2; exit 0; fi\n${body}\n`);
  chmodSync(java, 0o755);
  return home;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Zipkin start that cannot succeed says why', () => {
  it('no java: JAVA_MISSING', async () => {
    await expect(startZipkin({ javaHome: join(dir, 'no-such-jdk'), jar })).rejects.toMatchObject({
      code: LocalZipkinErrorCode.JavaMissing,
      hint: expect.stringContaining('JAVA='),
    });
  });

  it('Java 11: JAVA_TOO_OLD, quoting its version line', async () => {
    const javaHome = fakeJavaHome('jdk-11', '11.0.2', 'exit 0');
    await expect(startZipkin({ javaHome, jar })).rejects.toMatchObject({
      code: LocalZipkinErrorCode.JavaTooOld,
      message: expect.stringContaining('openjdk version "11.0.2"'),
    });
  });

  it('a named jar that is not there: INVALID_OPTION', async () => {
    const javaHome = fakeJavaHome('jdk-ok', '17.0.15', 'exit 0');
    await expect(startZipkin({ javaHome, jar: join(dir, 'missing.jar') })).rejects.toMatchObject({ code: LocalZipkinErrorCode.InvalidOption });
  });

  it('a port another process listens on: PORT_TAKEN, before any JVM starts', async () => {
    const started = join(dir, 'port-taken.started');
    const javaHome = fakeJavaHome('jdk-port', '17.0.15', `touch ${started}; exit 0`);
    // A listener that accepts and never answers (the launcher's probe of it gives up).
    const connections = new Set<Socket>();
    const server: Server = await new Promise((resolve) => {
      const s = createServer((c) => connections.add(c)).listen({ host: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    try {
      const port = (server.address() as { port: number }).port;
      await expect(startZipkin({ javaHome, jar, port })).rejects.toMatchObject({
        code: LocalZipkinErrorCode.PortTaken,
        message: `port ${port} on 127.0.0.1 is taken by another process.`,
      });
      expect(() => readFileSync(started)).toThrow();
    } finally {
      for (const c of connections) c.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a JVM that exits while starting: EXITED_EARLY with the tail of its log', async () => {
    const javaHome = fakeJavaHome('jdk-exits', '17.0.15', 'echo "Error: Invalid or corrupt jarfile $5"; exit 1');
    const logFile = join(dir, 'exits.log');
    await expect(startZipkin({ javaHome, jar, logFile })).rejects.toMatchObject({
      code: LocalZipkinErrorCode.ExitedEarly,
      message: expect.stringMatching(/exited with code 1 while starting\. Last lines of .*exits\.log:\nError: Invalid or corrupt jarfile/),
    });
  });

  it('a JVM that never answers /health: START_TIMEOUT with the log tail, and the process is ended', async () => {
    const pidFile = join(dir, 'hangs.pid');
    const javaHome = fakeJavaHome('jdk-hangs', '17.0.15', `echo $$ > ${pidFile}; echo "still starting…"; exec sleep 60`);
    const logFile = join(dir, 'hangs.log');
    await expect(startZipkin({ javaHome, jar, logFile, startTimeoutMs: 1_000 })).rejects.toMatchObject({
      code: LocalZipkinErrorCode.StartTimeout,
      retriable: true,
      message: expect.stringMatching(/did not answer http:\/\/127\.0\.0\.1:\d+\/health within 1 s\. Last lines of .*hangs\.log:\nstill starting…/),
      hint: expect.stringContaining('EVENTLINE_ZIPKIN_START_TIMEOUT_MS'),
    });
    expect(isAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });
});
