/**
 * Registration and /compatibility enforce the subject's level with Avro resolution rules, and
 * say which field breaks which rule.
 */
import { deleteSchemaTopics, startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { ID_FIELD, registryHttp, userSchema, type RegistryCall } from './registry-http';

const V1 = userSchema([ID_FIELD]);
const WITH_OPTIONAL_EMAIL = userSchema([ID_FIELD, { name: 'email', type: 'string', default: '' }]);
const WITH_REQUIRED_EMAIL = userSchema([ID_FIELD, { name: 'email', type: 'string' }]);

describe('compatibility over REST', () => {
  let registry: SchemaRegistryProcess;
  let call: RegistryCall;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    call = registryHttp(registry.url);
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  const register = (subject: string, schema: string) => call('POST', `/subjects/${subject}/versions`, { schema });

  it('refuses a new required field under the default BACKWARD with 409 naming the field', async () => {
    const subject = uniqueName('compat-409');
    await register(subject, V1);
    const refused = await register(subject, WITH_REQUIRED_EMAIL);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error_code: 409,
      message: expect.stringContaining("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/email: field 'email' has no default"),
    });
    expect((await register(subject, WITH_OPTIONAL_EMAIL)).status).toBe(200);
  });

  it('answers /compatibility with is_compatible, and messages when verbose', async () => {
    const subject = uniqueName('compat-test');
    await register(subject, V1);
    const path = `/compatibility/subjects/${subject}/versions/latest`;
    expect(await call('POST', path, { schema: WITH_OPTIONAL_EMAIL })).toMatchObject({ status: 200, body: { is_compatible: true } });
    expect(await call('POST', path, { schema: WITH_REQUIRED_EMAIL })).toEqual(expect.objectContaining({ status: 200, body: { is_compatible: false } }));
    const verbose = await call('POST', `${path}?verbose=true`, { schema: WITH_REQUIRED_EMAIL });
    expect(verbose.body).toEqual({
      is_compatible: false,
      messages: [expect.stringMatching(/^READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/email: .*version 1\)$/)],
    });
    expect((await call('POST', `/compatibility/subjects/${subject}/versions/1`, { schema: WITH_OPTIONAL_EMAIL })).body).toEqual({ is_compatible: true });
    expect((await call('POST', `/compatibility/subjects/${subject}/versions`, { schema: WITH_REQUIRED_EMAIL })).body).toEqual({ is_compatible: false });
  });

  it.each([
    ['an unknown subject', (s: string) => `/compatibility/subjects/${s}-nope/versions/latest`, 404, 40401],
    ['a missing version', (s: string) => `/compatibility/subjects/${s}/versions/5`, 404, 40402],
    ['an invalid version', (s: string) => `/compatibility/subjects/${s}/versions/zero`, 422, 42202],
  ])('answers %s with %s/%s', async (_case, path, status, code) => {
    const subject = uniqueName('compat-errors');
    await register(subject, V1);
    expect(await call('POST', path(subject), { schema: V1 })).toMatchObject({ status, body: { error_code: code } });
  });

  it('checks only the latest version under BACKWARD but every version under BACKWARD_TRANSITIVE', async () => {
    const subject = uniqueName('compat-transitive');
    await call('PUT', `/config/${subject}`, { compatibility: 'NONE' });
    await register(subject, V1);
    await register(subject, WITH_OPTIONAL_EMAIL);
    await call('PUT', `/config/${subject}`, { compatibility: 'BACKWARD' });
    const path = `/compatibility/subjects/${subject}/versions/latest?verbose=true`;
    expect((await call('POST', path, { schema: WITH_REQUIRED_EMAIL })).body).toEqual({ is_compatible: true, messages: [] });

    await call('PUT', `/config/${subject}`, { compatibility: 'BACKWARD_TRANSITIVE' });
    const transitive = await call('POST', path, { schema: WITH_REQUIRED_EMAIL });
    expect(transitive.body).toEqual({ is_compatible: false, messages: [expect.stringContaining('written with version 1')] });
    expect((await register(subject, WITH_REQUIRED_EMAIL)).status).toBe(409);
  });

  it('FORWARD refuses removing a field the old schema needs; NONE accepts anything', async () => {
    const subject = uniqueName('compat-forward');
    await call('PUT', `/config/${subject}`, { compatibility: 'FORWARD' });
    await register(subject, WITH_REQUIRED_EMAIL);
    const refused = await register(subject, V1);
    expect(refused).toMatchObject({ status: 409, body: { error_code: 409, message: expect.stringContaining('version 1 reading data written with the new schema') } });
    await call('PUT', `/config/${subject}`, { compatibility: 'NONE' });
    expect((await register(subject, userSchema([{ name: 'id', type: 'long' }]))).status).toBe(200);
  });

  it('uses the global level for subjects without their own', async () => {
    const subject = uniqueName('compat-global');
    await register(subject, V1);
    await call('PUT', '/config', { compatibility: 'NONE' });
    try {
      expect((await register(subject, WITH_REQUIRED_EMAIL)).status).toBe(200);
    } finally {
      await call('PUT', '/config', { compatibility: 'BACKWARD' });
    }
  });
});
