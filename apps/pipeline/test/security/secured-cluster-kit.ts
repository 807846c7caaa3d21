import { spawn } from 'node:child_process';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin } from 'kafkajs';
import { inspect } from 'node:util';
import { LocalKafka, SecurityMode, secureClusterCredentials, workspaceRoot, type SecureClusterCredentials } from '@eventline/local-kafka';

export interface ExitResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs a workspace entry point (TypeScript, through swc-node) or the CLI to its exit, with a
 * bound after which it is killed (a refusal must end the process by itself; the bound only
 * keeps a broken build from hanging the suite).
 */
export function runToExit(entry: string, args: readonly string[], env: Record<string, string>, boundMs = 120_000): Promise<ExitResult> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry, ...args], {
    cwd: workspaceRoot(),
    env: { ...cleanEnv(), SWC_NODE_PROJECT: 'tsconfig.base.json', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), boundMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

/** The test process's environment without the connection settings of the suite's own broker. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('KAFKA_') || name.startsWith('SCHEMA_REGISTRY_')) delete env[name];
  return env;
}

/** stderr without Node's own warnings (ExperimentalWarning and its "--trace-warnings" hint). */
export function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/ExperimentalWarning|--trace-warnings/.test(l));
}

/**
 * The secure local cluster, started if it is not running, used through share(): other spec
 * files use it in parallel, and it stops only when the last of them released it (and only if
 * one of them started it). Call `release` in afterAll.
 */
export async function secureCluster(): Promise<{ credentials: SecureClusterCredentials; release: () => Promise<void> }> {
  const local = new LocalKafka({ security: SecurityMode.SaslSsl, log: (line) => process.stderr.write(`[secure kafka] ${line}\n`) });
  const use = await local.share();
  return { credentials: secureClusterCredentials(), release: () => use.release() };
}

/** How often any of the secrets occurs in the texts (strings, or objects printed every way a logger would). */
export function canaryCount(secrets: readonly string[], texts: readonly unknown[]): number {
  let count = 0;
  for (const text of texts) {
    const printed = typeof text === 'string' ? text : `${inspect(text, { depth: 8 })}\n${safeJson(text)}\n${String(text)}`;
    for (const secret of secrets) count += printed.split(secret).length - 1;
  }
  return count;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it yields a value (errors count as "not yet"), up to a bound. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * Removes what a spec left on the shared secure cluster: its topics (by prefix, plus any
 * exact names), its groups, and the ACLs the plan made for those names.
 */
export async function cleanUpNames(admin: Admin, prefix: string, exact: readonly string[], groups: readonly string[]): Promise<void> {
  const mine = (name: string) => name.startsWith(prefix) || exact.includes(name);
  const topics = (await admin.listTopics()).filter(mine);
  if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.deleteGroups([...groups]).catch(() => undefined);
  const any = { resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY };
  const { resources } = await admin.describeAcls(any);
  const own = resources.filter((r) => mine(r.resourceName));
  if (own.length > 0) {
    await admin.deleteAcls({ filters: own.map((r) => ({ ...any, resourceType: r.resourceType, resourceName: r.resourceName, resourcePatternType: r.resourcePatternType })) });
  }
}
