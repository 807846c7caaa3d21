/**
 * Bad credentials, certificates and protocols against the real secure broker (SASL_SSL SCRAM
 * on 9192, mTLS on 9193) and a registry with a users file. Expected: every case is refused
 * with one line that names the cause and the setting to change — by the connection check
 * every app runs at start, by a real worker process, the schema registry process and the CLI,
 * each exiting non-zero by itself (no retry storm) — and no password, passphrase or token
 * used anywhere here appears in any output, error or printed settings object.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionError, readConnectionSettings, verifyKafkaConnection } from '@eventline/connection';
import type { SecureClusterCredentials } from '@eventline/local-kafka';
import { publishResult } from '@eventline/reliability';
import { verifyServiceConnections } from '@eventline/service-kit';
import { startSchemaRegistry, testBrokers, type SchemaRegistryProcess } from '@eventline/testing';
import { canaryCount, errorLines, runToExit, secureCluster } from './secured-cluster-kit';

const CANARY = {
  password: 'Canary-Pa55-kafka-9f3e1c',
  keyPassphrase: 'Canary-keypass-7d21aa',
  registryPassword: 'Canary-registry-4b7e0d',
  token: 'Canary-token-0123456789abcdef0123456789',
};

interface Outcome {
  readonly name: string;
  readonly expected: string;
  readonly got: string;
  readonly ok: boolean;
}

describe('bad credentials are refused in one line', () => {
  let creds: SecureClusterCredentials;
  let release: (() => Promise<void>) | undefined;
  let dir: string;
  let registry: SchemaRegistryProcess;
  const outputs: unknown[] = [];
  const outcomes: Outcome[] = [];
  const started = Date.now();

  const scram = (overrides: Record<string, string> = {}): Record<string, string> => ({
    KAFKA_BROKERS: creds.saslSslBootstrap,
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    KAFKA_SASL_USERNAME: 'test-client',
    KAFKA_SASL_PASSWORD: creds.users['test-client'].password,
    KAFKA_SSL_CA_FILE: creds.caFile,
    ...overrides,
  });
  const without = (env: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k)));

  beforeAll(async () => {
    ({ credentials: creds, release } = await secureCluster());
    dir = mkdtempSync(join(tmpdir(), 'eventline-bad-creds-'));
    // A CA that signed nothing the broker has.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'other-ca.key'), '-out', join(dir, 'other-ca.pem'), '-days', '2', '-subj', '/CN=some-other-ca'], {
      stdio: 'ignore',
    });
    // A registry that wants credentials: one writer, created with the registry's own tool.
    const line = execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/schema-registry/src/tools/hash-password.ts', 'svc', 'write'], {
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', SCHEMA_REGISTRY_PASSWORD: CANARY.registryPassword },
      encoding: 'utf8',
    });
    writeFileSync(join(dir, 'registry.users'), line, { mode: 0o600 });
    registry = await startSchemaRegistry({ env: { SCHEMA_REGISTRY_USERS_FILE: join(dir, 'registry.users') } });
  }, 180_000);

  afterAll(async () => {
    outputs.push(registry?.output() ?? '');
    await registry?.stop();
    await release?.();
    rmSync(dir, { recursive: true, force: true });
    const secrets = [...Object.values(CANARY), ...Object.values(creds?.users ?? {}).map((u) => u.password)];
    const canaries = canaryCount(secrets, outputs);
    outcomes.push({ name: 'secret canary', expected: '0 occurrences of any password, passphrase or token in every output above', got: `${canaries} occurrences`, ok: canaries === 0 });
    await publishResult({
      id: 'SEC1',
      profile: 'short',
      passed: outcomes.every((o) => o.ok),
      ranAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      figures: { events: 0, acked: 0, lost: 0, duplicates: 0, extra: { cases: outcomes.length - 1, canaryOccurrences: canaries } },
      checks: outcomes.map((o) => ({ check: `${o.name}: expected ${o.expected}; got ${o.got}`, ok: o.ok })),
    });
    expect(canaries).toBe(0);
  }, 60_000);

  /** The connection check every service runs at start, on one set of settings. */
  async function refusal(env: Record<string, string>): Promise<ConnectionError> {
    const settings = readConnectionSettings({ env });
    outputs.push(settings);
    const error = await verifyServiceConnections('bad-credentials-spec', settings, { log: (l) => outputs.push(l), warn: (l) => outputs.push(l) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    outputs.push(error);
    if (!(error instanceof ConnectionError)) throw new Error(`expected a ConnectionError, got ${String(error)}`);
    return error;
  }

  it.each<[string, () => Record<string, string>, RegExp]>([
    ['a wrong password', () => scram({ KAFKA_SASL_PASSWORD: CANARY.password }), /rejected the SCRAM-SHA-512 credentials of user "test-client".*check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/],
    ['an unknown user', () => scram({ KAFKA_SASL_USERNAME: 'no-such-user', KAFKA_SASL_PASSWORD: CANARY.password }), /rejected the SCRAM-SHA-512 credentials of user "no-such-user"/],
    ['a mechanism the listener does not enable', () => scram({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256' }), /does not accept SASL SCRAM-SHA-256 on this listener: set sasl.mechanism/],
    ['a CA that did not sign the broker certificate', () => scram({ KAFKA_SSL_CA_FILE: join(dir, 'other-ca.pem') }), /certificate is not signed by a trusted CA.*set ssl.ca.location \(KAFKA_SSL_CA_FILE\)/],
    ['the system CAs for a self-signed chain', () => without(scram(), 'KAFKA_SSL_CA_FILE'), /certificate is not signed by a trusted CA \(SELF_SIGNED_CERT_IN_CHAIN\)/],
    ['a plaintext client on the TLS port', () => ({ KAFKA_BROKERS: creds.saslSslBootstrap }), /closed the connection at once: the listener probably uses TLS.*security.protocol=PLAINTEXT/],
    ['a TLS client on a plaintext port', () => scram({ KAFKA_BROKERS: testBrokers()[0] }), /does not speak TLS on this port, but security.protocol=SASL_SSL/],
    ['no client certificate on the mTLS listener', () => ({ KAFKA_BROKERS: creds.sslBootstrap, KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: creds.caFile }), /requires a client certificate; set ssl.certificate.location/],
    [
      'a wrong key passphrase',
      () => ({
        KAFKA_BROKERS: creds.sslBootstrap,
        KAFKA_SECURITY_PROTOCOL: 'SSL',
        KAFKA_SSL_CA_FILE: creds.caFile,
        KAFKA_SSL_CERT_FILE: creds.clientCerts['test-client'].certFile,
        KAFKA_SSL_KEY_FILE: creds.clientCerts['test-client'].encryptedKeyFile as string,
        KAFKA_SSL_KEY_PASSWORD: CANARY.keyPassphrase,
      }),
      /the client key could not be read: check ssl.key.password/,
    ],
    [
      'a wrong registry password',
      () => ({ ...scram(), SCHEMA_REGISTRY_URL: registry.url, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO: `svc:${CANARY.password}` }),
      /schema registry .* refused the credentials \(401, error 40101\): check/,
    ],
    ['no registry credentials', () => ({ ...scram(), SCHEMA_REGISTRY_URL: registry.url }), /schema registry .* requires credentials and none are set \(401, error 40101\)/],
    ['a registry bearer token it does not know', () => ({ ...scram(), SCHEMA_REGISTRY_URL: registry.url, SCHEMA_REGISTRY_BEARER_TOKEN: CANARY.token }), /refused the credentials \(401, error 40101\)/],
  ])('refuses %s at start with one line naming the setting', async (name, env, expected) => {
    const error = await refusal(env());
    outcomes.push({ name, expected: String(expected), got: error.message, ok: expected.test(error.message) && !error.message.includes('\n') });
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain('\n');
    expect(error.retriable).toBe(false);
  });

  it('lets the right credentials in, over SASL_SSL and over mTLS with an encrypted key', async () => {
    await verifyKafkaConnection(readConnectionSettings({ env: scram() }).kafka);
    const cert = creds.clientCerts['test-client'];
    await verifyKafkaConnection(
      readConnectionSettings({
        env: { KAFKA_BROKERS: creds.sslBootstrap, KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: creds.caFile, KAFKA_SSL_CERT_FILE: cert.certFile, KAFKA_SSL_KEY_FILE: cert.encryptedKeyFile as string, KAFKA_SSL_KEY_PASSWORD: cert.keyPassphrase as string },
      }).kafka,
    );
  });

  it.each<[string, string, () => string[], () => Record<string, string>, RegExp]>([
    [
      'a worker with a wrong password',
      'apps/fulfillment-worker/src/main.ts',
      () => [],
      () => ({ ...scram({ KAFKA_SASL_USERNAME: 'fulfillment-worker', KAFKA_SASL_PASSWORD: CANARY.password }), PORT: '0', SCHEMA_REGISTRY_URL: 'http://127.0.0.1:9' }),
      /^Kafka at 127\.0\.0\.1:9192 rejected the SCRAM-SHA-512 credentials of user "fulfillment-worker"/,
    ],
    [
      'the schema registry with a wrong Kafka password',
      'apps/schema-registry/src/main.ts',
      () => [],
      () => ({ ...scram({ KAFKA_SASL_USERNAME: 'schema-registry', KAFKA_SASL_PASSWORD: CANARY.password }), SCHEMA_REGISTRY_PORT: '0' }),
      /^schema registry cannot start: Kafka at 127\.0\.0\.1:9192 rejected the SCRAM-SHA-512 credentials of user "schema-registry"/,
    ],
    [
      'the CLI with a --command-config whose password is wrong (EVENTLINE_DEBUG=1)',
      'apps/cli/src/main.ts',
      () => {
        const good = creds.writeClientProperties('eventline-cli', join(dir, 'cli.properties'));
        const bad = join(dir, 'bad-cli.properties');
        writeFileSync(bad, withPassword(readFileSync(good, 'utf8'), CANARY.password), { mode: 0o600 });
        return ['--command-config', bad, 'topics', 'list'];
      },
      () => ({ EVENTLINE_DEBUG: '1' }),
      /^eventline: Kafka at 127\.0\.0\.1:9192 rejected the SCRAM-SHA-512 credentials of user "eventline-cli"/,
    ],
    [
      'the CLI pointed at the TLS port in plaintext',
      'apps/cli/src/main.ts',
      () => ['--brokers', creds.saslSslBootstrap, 'groups', 'list'],
      () => ({}),
      /^eventline: Kafka at 127\.0\.0\.1:9192 closed the connection at once/,
    ],
  ])('%s exits 1 by itself with the cause as its first error line', async (name, entry, args, env, expected) => {
    const result = await runToExit(entry, args(), env());
    outputs.push(result.stdout, result.stderr);
    const first = errorLines(result.stderr)[0] ?? '';
    outcomes.push({ name, expected: `exit 1, ${String(expected)}`, got: `exit ${result.code} after ${(result.ms / 1000).toFixed(1)} s: ${first}`, ok: result.code === 1 && expected.test(first) });
    expect(result.code).toBe(1);
    expect(first).toMatch(expected);
  }, 150_000);

  /** A generated properties file with its password swapped (either spelling), the rest as generated. */
  function withPassword(text: string, password: string): string {
    return text.replace(/^sasl\.password=.*$/m, `sasl.password=${password}`).replace(/password="[^"]*"/, `password="${password}"`);
  }
});
