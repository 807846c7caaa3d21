/**
 * With SCHEMA_REGISTRY_TLS_CERT_FILE and _KEY_FILE (an encrypted key, its passphrase from
 * SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE) the registry listens on HTTPS only: it says https://
 * in its listening line, a client that trusts the certificate gets answers (with Basic auth
 * on top), a client that does not is refused by the handshake, plain HTTP to the same port
 * gets no answer, and neither the passphrase nor a password appears in its output.
 */
import { deleteSchemaTopics, testBrokers, uniqueName } from '@eventline/testing';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizedHttp, basicAuth, type AuthorizedCall } from './authorized-http';
import { spawnRegistry, type RegistryChild } from './registry-child';
import { ID_FIELD, eventually, userSchema } from './registry-http';
import { selfSignedCertificate, type TestCertificate } from './self-signed-certificate';
import { writeTestUsers, type TestUsers } from './users-file.fixture';

/** Resolves with the status if an answer came, or with the error the request failed with. */
function outcome(start: (done: (status: number) => void) => import('node:http').ClientRequest): Promise<number | Error> {
  return new Promise((resolve) => {
    const req = start(resolve);
    req.on('error', resolve);
    req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')));
  });
}

describe('a registry with a TLS certificate and key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-tls-'));
  const topic = uniqueName('_schemas-tls');
  const passphrase = `canary-passphrase-${Date.now().toString(36)}`;
  let certificate: TestCertificate;
  let users: TestUsers;
  let registry: RegistryChild;
  let url: string;
  let call: AuthorizedCall;

  beforeAll(async () => {
    certificate = selfSignedCertificate(dir, 'registry', passphrase);
    const passphraseFile = join(dir, 'key-password');
    writeFileSync(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
    users = await writeTestUsers(dir);
    registry = spawnRegistry({
      KAFKA_BROKERS: testBrokers().join(','),
      SCHEMA_REGISTRY_TOPIC: topic,
      SCHEMA_REGISTRY_TLS_CERT_FILE: certificate.certFile,
      SCHEMA_REGISTRY_TLS_KEY_FILE: certificate.keyFile,
      SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE: passphraseFile,
      SCHEMA_REGISTRY_USERS_FILE: users.file,
    });
    url = (await registry.waitFor(/listening on (https:\/\/\S+)/))[1];
    call = authorizedHttp(url, certificate.cert);
    const up = await eventually(async () => ((await call('GET', '/health').catch(() => undefined))?.status === 200 ? true : undefined), 15_000);
    if (!up) throw new Error(`/health never answered 200 over HTTPS:\n${registry.output()}`);
  });
  afterAll(async () => {
    await registry?.stop();
    await deleteSchemaTopics([topic]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces an https:// URL', () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a client that trusts its certificate, with authentication on top', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'UP', auth: 'enabled' } });
    expect((await call('GET', '/subjects')).status).toBe(401);
    const registered = await call('POST', `/subjects/${uniqueName('tls')}/versions`, basicAuth('writer', users.passwords.write), { schema: userSchema([ID_FIELD]) });
    expect(registered).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
  });

  it('fails the handshake for a client that does not trust the certificate', async () => {
    const result = await outcome((done) => httpsGet(`${url}/health`, (res) => done(res.statusCode ?? 0)));
    // Errors from node:https come from another realm than Jest's, so no toBeInstanceOf(Error).
    expect(result).toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
  });

  it('gives plain HTTP on the same port no answer', async () => {
    const result = await outcome((done) => httpGet(`${url.replace('https:', 'http:')}/health`, (res) => done(res.statusCode ?? 0)));
    // The TLS server drops a connection that does not start with a handshake.
    expect(result).toMatchObject({ code: 'ECONNRESET' });
  });

  it('never writes the key passphrase or a password to its output', async () => {
    expect(await registry.stop()).toBe(0);
    const output = registry.output();
    expect(output).toContain('listening on https://');
    expect([passphrase, ...users.secrets].filter((secret) => output.includes(secret))).toEqual([]);
  });
});
