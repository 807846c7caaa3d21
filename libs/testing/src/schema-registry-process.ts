import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { workspaceRoot } from '@eventline/local-kafka';
import { testBrokers, testKafka } from './test-kafka';
import { uniqueName } from './unique-names';

export interface StartSchemaRegistryOptions {
  /** 0 (the default) lets the registry pick a free port; the URL says which. */
  readonly port?: number;
  /** The `_schemas`-like topic; a unique one per call by default, so test files never share. */
  readonly topic?: string;
  /** Extra environment for the registry process. */
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

export interface SchemaRegistryProcess {
  readonly url: string;
  readonly topic: string;
  readonly pid: number;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves with the exit code (null if killed). */
  stop(): Promise<number | null>;
}

/** Registry topics the harness makes up start with this; the Jest teardown deletes them. */
export const SCHEMAS_TEST_PREFIX = '_schemas-test';

const LISTENING = /listening on (http:\/\/[^\s]+)/;

/**
 * Runs apps/schema-registry as its own OS process, exactly as an operator would (swc-node
 * from the workspace root), against the test brokers; resolves once /health answers.
 */
export async function startSchemaRegistry(options: StartSchemaRegistryOptions = {}): Promise<SchemaRegistryProcess> {
  const root = workspaceRoot();
  const topic = options.topic ?? uniqueName(SCHEMAS_TEST_PREFIX);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'schema-registry', 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      KAFKA_BROKERS: testBrokers().join(','),
      SCHEMA_REGISTRY_HOST: '127.0.0.1',
      SCHEMA_REGISTRY_PORT: String(options.port ?? 0),
      SCHEMA_REGISTRY_TOPIC: topic,
      NO_COLOR: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const streams = [child.stdout, child.stderr].flatMap((stream) => (stream ? [stream] : []));
  for (const stream of streams) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // The topic outlives the process: specs restart a registry on it (same schemas, same ids).
  // The Jest teardown deletes every SCHEMAS_TEST_PREFIX topic once all files are done.
  const stop = () => stopProcess(child);
  try {
    const url = await waitForListening(child, streams, () => output, options.startTimeoutMs ?? 30_000);
    await waitForHealth(url);
    return { url, topic, pid: child.pid ?? -1, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`schema registry did not start: ${(error as Error).message}\n--- its output ---\n${output}`);
  }
}

/** Deletes registry topics after a test file; ignores ones already gone. */
export async function deleteSchemaTopics(topics: readonly string[]): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  } finally {
    await admin.disconnect();
  }
}

function waitForListening(child: ChildProcess, streams: readonly Readable[], output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no "listening on" line within ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(output());
      if (match) done(match[1]);
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`exited early (code ${code}, signal ${signal})`));
    function done(outcome: Error | string) {
      clearTimeout(timer);
      for (const stream of streams) stream.off('data', onData);
      child.off('exit', onExit);
      if (typeof outcome === 'string') resolve(outcome);
      else reject(outcome);
    }
    for (const stream of streams) stream.on('data', onData);
    child.once('exit', onExit);
  });
}

async function waitForHealth(url: string): Promise<void> {
  const until = Date.now() + 10_000;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/health did not answer 200 (last: ${last})`);
}

function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
