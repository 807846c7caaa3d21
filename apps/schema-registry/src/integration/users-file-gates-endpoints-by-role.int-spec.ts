/**
 * With SCHEMA_REGISTRY_USERS_FILE set, every endpoint but /health needs credentials: none or
 * wrong ones get 401 / 40101 with a Basic challenge (a wrong password and an unknown user get
 * the same answer), `read` may read and check compatibility but not register (403 / 40301),
 * `write` registers, `admin` changes levels and deletes, a Bearer token works like a
 * password; and no password, token or hash ever appears in the process's output.
 */
import { deleteSchemaTopics, startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizedHttp, basicAuth, type AuthorizedCall } from './authorized-http';
import { ID_FIELD, userSchema } from './registry-http';
import { writeTestUsers, type TestUsers } from './users-file.fixture';

const V1 = userSchema([ID_FIELD]);
const V2 = userSchema([ID_FIELD, { name: 'email', type: ['null', 'string'], default: null }]);
const CHALLENGE = 'Basic realm="eventline-schema-registry"';
const unauthorized = { status: 401, wwwAuthenticate: CHALLENGE, body: { error_code: 40101, message: expect.any(String) } };
const forbidden = { status: 403, body: { error_code: 40301, message: expect.any(String) } };

describe('a registry with a users file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-auth-'));
  let users: TestUsers;
  let registry: SchemaRegistryProcess;
  let call: AuthorizedCall;
  let as: Record<'reader' | 'writer' | 'admin' | 'ci', string>;
  const subject = uniqueName('auth-subject');

  beforeAll(async () => {
    users = await writeTestUsers(dir);
    registry = await startSchemaRegistry({ env: { SCHEMA_REGISTRY_USERS_FILE: users.file } });
    call = authorizedHttp(registry.url);
    as = {
      reader: basicAuth('reader', users.passwords.read),
      writer: basicAuth('writer', users.passwords.write),
      admin: basicAuth('admin', users.passwords.admin),
      ci: `Bearer ${users.token}`,
    };
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps /health open and says authentication is on', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'UP', auth: 'enabled' } });
  });

  it.each([
    ['GET', '/subjects', undefined],
    ['GET', '/schemas/types', undefined],
    ['POST', '/subjects/never-registered/versions', { schema: V1 }],
    ['PUT', '/config', { compatibility: 'NONE' }],
    ['GET', '/no/such/path', undefined],
  ])('answers %s %s without credentials with 401 / 40101 and a Basic challenge', async (method, path, body) => {
    expect(await call(method, path, undefined, body)).toEqual(unauthorized);
  });

  it('answers a wrong password, an unknown user, a wrong token and a foreign scheme with 401', async () => {
    const wrongPassword = await call('GET', '/subjects', basicAuth('admin', `${users.passwords.admin}x`));
    const unknownUser = await call('GET', '/subjects', basicAuth('nobody', users.passwords.admin));
    expect(wrongPassword).toEqual(unauthorized);
    // Nothing in the answer tells an existing name from a made-up one.
    expect(unknownUser).toEqual(wrongPassword);
    expect(await call('GET', '/subjects', `Bearer ${users.token}x`)).toEqual(unknownUser);
    expect(await call('GET', '/subjects', basicAuth('ci', users.token))).toEqual(unknownUser);
    expect(await call('GET', '/subjects', 'Digest username="admin"')).toEqual(unauthorized);
  });

  it('lets write register, and a Bearer token holder with write too', async () => {
    const first = await call('POST', `/subjects/${subject}/versions`, as.writer, { schema: V1 });
    expect(first).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
    expect(await call('POST', `/subjects/${subject}/versions`, as.ci, { schema: V2 })).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
    expect(await call('POST', `/subjects/${subject}`, as.writer, { schema: V1 })).toMatchObject({ status: 200, body: { version: 1 } });
  });

  it('lets read read, look up and check compatibility, and refuses it a registration with 403 / 40301', async () => {
    expect(await call('GET', '/subjects', as.reader)).toMatchObject({ status: 200, body: expect.arrayContaining([subject]) });
    expect(await call('GET', `/subjects/${subject}/versions/latest`, as.reader)).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await call('GET', '/config', as.reader)).toMatchObject({ status: 200, body: { compatibilityLevel: expect.any(String) } });
    expect(await call('POST', `/compatibility/subjects/${subject}/versions/latest`, as.reader, { schema: V2 })).toMatchObject({
      status: 200,
      body: { is_compatible: true },
    });
    expect(await call('POST', `/subjects/${subject}/versions`, as.reader, { schema: userSchema([ID_FIELD], 'Other') })).toMatchObject(forbidden);
    // A lookup is a read (Confluent's permissions agree): production-mode services need only `read`.
    expect(await call('POST', `/subjects/${subject}`, as.reader, { schema: V1 })).toMatchObject({ status: 200, body: { version: 1 } });
    // The refused registration left no trace.
    expect((await call('GET', `/subjects/${subject}/versions`, as.reader)).body).toEqual([1, 2]);
  });

  it('keeps level changes and deletions for admin', async () => {
    expect(await call('PUT', `/config/${subject}`, as.writer, { compatibility: 'FULL' })).toMatchObject(forbidden);
    expect(await call('DELETE', `/subjects/${subject}/versions/1`, as.ci)).toMatchObject(forbidden);
    expect(await call('PUT', `/config/${subject}`, as.admin, { compatibility: 'FULL' })).toMatchObject({ status: 200, body: { compatibility: 'FULL' } });
    expect(await call('GET', `/config/${subject}`, as.reader)).toMatchObject({ status: 200, body: { compatibilityLevel: 'FULL' } });
    expect(await call('DELETE', `/subjects/${subject}/versions/1`, as.admin)).toMatchObject({ status: 200, body: 1 });
  });

  it('never writes a password, token, Authorization header or stored hash to its output', async () => {
    // Stopped first, so the shutdown lines are in the output too.
    expect(await registry.stop()).toBe(0);
    const output = registry.output();
    expect(output).toMatch(/authentication enabled: 4 user\(s\)/);
    const leaked = [...users.secrets, ...Object.values(as).map((header) => header.split(' ')[1])].filter((secret) => output.includes(secret));
    expect(leaked).toEqual([]);
  });
});
