/**
 * Every REST endpoint of the registry, run as its own process against the real broker, with
 * the status codes and error bodies Confluent's clients expect.
 */
import { deleteSchemaTopics, startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { ID_FIELD, registryHttp, userSchema, type RegistryCall } from './registry-http';

const V1 = userSchema([ID_FIELD]);
const V2 = userSchema([ID_FIELD, { name: 'email', type: ['null', 'string'], default: null }]);
const error = (error_code: number) => ({ error_code, message: expect.any(String) });

describe('schema registry REST API', () => {
  let registry: SchemaRegistryProcess;
  let call: RegistryCall;
  const subject = (prefix: string) => uniqueName(prefix);

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    call = registryHttp(registry.url);
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  const register = async (s: string, schema: string) => call('POST', `/subjects/${s}/versions`, { schema });

  describe('service endpoints', () => {
    it('answers /health, /mode, /schemas/types and / in the registry media type', async () => {
      expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'UP' } });
      expect(await call('GET', '/mode')).toMatchObject({ status: 200, body: { mode: 'READWRITE' } });
      const types = await call('GET', '/schemas/types');
      expect(types).toMatchObject({ status: 200, body: ['AVRO'] });
      expect(types.contentType).toMatch(/^application\/vnd\.schemaregistry\.v1\+json/);
      expect(await call('GET', '/')).toMatchObject({ status: 200, body: {} });
    });

    it('answers an unknown path with a registry error body', async () => {
      expect(await call('GET', '/no/such/thing')).toEqual({ status: 404, contentType: expect.any(String), body: error(404) });
    });
  });

  describe('registration', () => {
    it('gives an identical schema (after normalization) the same id without a new version', async () => {
      const s = subject('reg-same');
      const first = await register(s, V1);
      expect(first.status).toBe(200);
      const id = (first.body as { id: number }).id;
      const spaced = JSON.stringify(JSON.parse(V1), null, 2);
      expect((await register(s, spaced)).body).toEqual({ id });
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([1]);
    });

    it('reuses the id for the same schema under another subject, with that subject own version 1', async () => {
      const a = subject('reg-a');
      const b = subject('reg-b');
      const { id } = (await register(a, V2)).body as { id: number };
      expect((await register(b, V2)).body).toEqual({ id });
      expect((await call('GET', `/subjects/${b}/versions/latest`)).body).toMatchObject({ subject: b, version: 1, id });
      expect((await call('GET', `/schemas/ids/${id}/subjects`)).body).toEqual(expect.arrayContaining([a, b]));
      expect((await call('GET', `/schemas/ids/${id}/versions`)).body).toEqual(
        expect.arrayContaining([
          { subject: a, version: 1 },
          { subject: b, version: 1 },
        ]),
      );
    });

    it('gives a new schema a new, higher id and the next version', async () => {
      const s = subject('reg-next');
      const one = (await register(s, V1)).body as { id: number };
      const two = (await register(s, V2)).body as { id: number };
      expect(two.id).toBeGreaterThan(one.id);
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([1, 2]);
    });

    it.each([
      ['a schema that is not Avro', { schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"Nope"}]}' }, 422, 42201],
      ['a schema that is not JSON', { schema: '{"type":' }, 422, 42201],
      ['no schema field', { schemaa: V1 }, 422, 42201],
      ['schemaType JSON', { schema: '{}', schemaType: 'JSON' }, 422, 42201],
      ['a reference to nothing', { schema: V1, references: [{ name: 'x', subject: 'nope', version: 1 }] }, 422, 42201],
      ['a body that is not JSON', '{not json', 422, 422],
    ])('refuses %s with %s/%s', async (_case, body, status, code) => {
      expect(await call('POST', `/subjects/${subject('reg-bad')}/versions`, body)).toMatchObject({ status, body: error(code) });
    });

    it('accepts the generic registry media type and application/json, and refuses others with 415', async () => {
      const s = subject('reg-media');
      expect((await call('POST', `/subjects/${s}/versions`, { schema: V1 }, 'application/vnd.schemaregistry+json')).status).toBe(200);
      expect((await call('POST', `/subjects/${s}/versions`, { schema: V1 }, 'application/json')).status).toBe(200);
      expect(await call('POST', `/subjects/${s}/versions`, { schema: V1 }, 'text/plain')).toMatchObject({ status: 415, body: error(415) });
    });
  });

  describe('reading', () => {
    let s: string;
    let id: number;
    beforeAll(async () => {
      s = subject('read');
      id = ((await register(s, V1)).body as { id: number }).id;
      await register(s, V2);
    });

    it('returns a schema by id without schemaType for AVRO, raw or wrapped', async () => {
      const found = await call('GET', `/schemas/ids/${id}`);
      expect(found.status).toBe(200);
      expect(found.body).toEqual({ schema: expect.any(String) });
      expect(JSON.parse((found.body as { schema: string }).schema)).toMatchObject({ name: 'acme.User', type: 'record' });
      expect((await call('GET', `/schemas/ids/${id}/schema`)).body).toMatchObject({ name: 'acme.User' });
    });

    it.each(['999999', 'abc'])('answers id %s with 404/40403', async (raw) => {
      expect(await call('GET', `/schemas/ids/${raw}`)).toMatchObject({ status: 404, body: error(40403) });
      expect(await call('GET', `/schemas/ids/${raw}/subjects`)).toMatchObject({ status: 404, body: error(40403) });
      expect(await call('GET', `/schemas/ids/${raw}/versions`)).toMatchObject({ status: 404, body: error(40403) });
    });

    it('lists subjects and versions, and reads versions by number, latest and -1', async () => {
      expect((await call('GET', '/subjects')).body).toContain(s);
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([1, 2]);
      expect((await call('GET', `/subjects/${s}/versions/1`)).body).toEqual({ subject: s, id, version: 1, schema: expect.any(String) });
      expect((await call('GET', `/subjects/${s}/versions/latest`)).body).toMatchObject({ version: 2 });
      expect((await call('GET', `/subjects/${s}/versions/-1`)).body).toMatchObject({ version: 2 });
      // The stored text is the normalized one: names fully qualified, no namespace attribute.
      expect((await call('GET', `/subjects/${s}/versions/1/schema`)).body).toEqual({ name: 'acme.User', type: 'record', fields: [ID_FIELD] });
    });

    it.each([
      ['an unknown subject', (x: string) => `/subjects/${x}-nope/versions`, 404, 40401],
      ['an unknown subject version', (x: string) => `/subjects/${x}-nope/versions/1`, 404, 40401],
      ['a missing version', (x: string) => `/subjects/${x}/versions/99`, 404, 40402],
      ['version 0', (x: string) => `/subjects/${x}/versions/0`, 422, 42202],
      ['version "first"', (x: string) => `/subjects/${x}/versions/first`, 422, 42202],
    ])('answers %s with %s/%s', async (_case, path, status, code) => {
      expect(await call('GET', path(s))).toMatchObject({ status, body: error(code) });
    });

    it('looks a schema up under a subject', async () => {
      expect(await call('POST', `/subjects/${s}`, { schema: V1 })).toMatchObject({ status: 200, body: { subject: s, id, version: 1, schema: expect.any(String) } });
      const other = userSchema([ID_FIELD, { name: 'x', type: 'int', default: 0 }]);
      expect(await call('POST', `/subjects/${s}`, { schema: other })).toMatchObject({ status: 404, body: error(40403) });
      expect(await call('POST', `/subjects/${s}-nope`, { schema: V1 })).toMatchObject({ status: 404, body: error(40401) });
      expect(await call('POST', `/subjects/${s}`, { schema: '{"type":' })).toMatchObject({ status: 422, body: error(42201) });
    });
  });

  describe('deleting versions', () => {
    it('soft-deletes, refuses twice, hides unless deleted=true, then deletes permanently', async () => {
      const s = subject('del-version');
      // A schema no other test registers, so that its id is used by this subject only.
      const { id } = (await register(s, userSchema([ID_FIELD], 'OnlyHere'))).body as { id: number };
      await register(s, userSchema([ID_FIELD, { name: 'n', type: 'int', default: 0 }], 'OnlyHere'));

      expect(await call('DELETE', `/subjects/${s}/versions/1?permanent=true`)).toMatchObject({ status: 404, body: error(40407) });
      expect(await call('DELETE', `/subjects/${s}/versions/1`)).toMatchObject({ status: 200, body: 1 });
      expect(await call('DELETE', `/subjects/${s}/versions/1`)).toMatchObject({ status: 404, body: error(40406) });
      expect(await call('GET', `/subjects/${s}/versions/1`)).toMatchObject({ status: 404, body: error(40402) });
      expect((await call('GET', `/subjects/${s}/versions/1?deleted=true`)).body).toMatchObject({ version: 1, id });
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([2]);
      expect((await call('GET', `/subjects/${s}/versions?deleted=true`)).body).toEqual([1, 2]);
      // Data written with the id still exists, so the id stays readable after a soft delete.
      expect((await call('GET', `/schemas/ids/${id}`)).status).toBe(200);
      expect((await call('GET', `/schemas/ids/${id}/subjects`)).body).toEqual([]);
      expect((await call('GET', `/schemas/ids/${id}/subjects?deleted=true`)).body).toEqual([s]);

      expect(await call('DELETE', `/subjects/${s}/versions/1?permanent=true`)).toMatchObject({ status: 200, body: 1 });
      expect((await call('GET', `/subjects/${s}/versions?deleted=true`)).body).toEqual([2]);
      expect(await call('GET', `/schemas/ids/${id}`)).toMatchObject({ status: 404, body: error(40403) });
      expect(await call('DELETE', `/subjects/${s}/versions/7`)).toMatchObject({ status: 404, body: error(40402) });
      expect(await call('DELETE', `/subjects/${s}/versions/x`)).toMatchObject({ status: 422, body: error(42202) });
      expect(await call('DELETE', `/subjects/${s}-nope/versions/1`)).toMatchObject({ status: 404, body: error(40401) });
    });

    it('registers a soft-deleted schema again as a new version', async () => {
      const s = subject('del-again');
      await register(s, V1);
      await call('DELETE', `/subjects/${s}/versions/1`);
      await register(s, V1);
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([2]);
    });
  });

  describe('deleting subjects', () => {
    it('soft-deletes, refuses twice, and deletes permanently only after a soft delete', async () => {
      const s = subject('del-subject');
      await register(s, V1);
      await register(s, V2);

      expect(await call('DELETE', `/subjects/${s}?permanent=true`)).toMatchObject({ status: 404, body: error(40405) });
      expect(await call('DELETE', `/subjects/${s}`)).toMatchObject({ status: 200, body: [1, 2] });
      expect(await call('DELETE', `/subjects/${s}`)).toMatchObject({ status: 404, body: error(40404) });
      expect((await call('GET', '/subjects')).body).not.toContain(s);
      expect((await call('GET', '/subjects?deleted=true')).body).toContain(s);
      expect(await call('GET', `/subjects/${s}/versions`)).toMatchObject({ status: 404, body: error(40401) });

      expect(await call('DELETE', `/subjects/${s}?permanent=true`)).toMatchObject({ status: 200, body: [1, 2] });
      expect((await call('GET', '/subjects?deleted=true')).body).not.toContain(s);
      expect(await call('DELETE', `/subjects/${s}`)).toMatchObject({ status: 404, body: error(40401) });
      // After a permanent delete the subject starts again at version 1.
      await register(s, V2);
      expect((await call('GET', `/subjects/${s}/versions`)).body).toEqual([1]);
    });
  });

  describe('references', () => {
    it('registers a schema that references another, and refuses to delete the referenced one', async () => {
      const money = subject('ref-money');
      const order = subject('ref-order');
      await register(money, JSON.stringify({ type: 'record', name: 'Money', namespace: 'acme', fields: [{ name: 'cents', type: 'long' }] }));
      const orderSchema = JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [{ name: 'total', type: 'acme.Money' }] });
      const references = [{ name: 'acme.Money', subject: money, version: 1 }];
      const registered = await call('POST', `/subjects/${order}/versions`, { schema: orderSchema, references });
      expect(registered.status).toBe(200);
      const { id } = registered.body as { id: number };
      expect((await call('GET', `/schemas/ids/${id}`)).body).toEqual({ schema: expect.any(String), references });
      expect((await call('GET', `/subjects/${money}/versions/1/referencedby`)).body).toEqual([id]);
      expect(await call('DELETE', `/subjects/${money}/versions/1`)).toMatchObject({ status: 422, body: error(42206) });
    });
  });

  describe('config', () => {
    it('reads, sets and resets the global level', async () => {
      expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
      expect(await call('PUT', '/config', { compatibility: 'FULL' })).toMatchObject({ status: 200, body: { compatibility: 'FULL' } });
      expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'FULL' });
      expect(await call('PUT', '/config', { compatibility: 'backward' })).toMatchObject({ status: 422, body: error(42203) });
      expect(await call('PUT', '/config', '{oops')).toMatchObject({ status: 422, body: error(422) });
      expect((await call('DELETE', '/config')).body).toEqual({ compatibilityLevel: 'FULL' });
      expect((await call('GET', '/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    });

    it('reads, sets and deletes a subject level, falling back to global only when asked', async () => {
      const s = subject('config');
      expect(await call('GET', `/config/${s}`)).toMatchObject({ status: 404, body: error(40408) });
      expect((await call('GET', `/config/${s}?defaultToGlobal=true`)).body).toEqual({ compatibilityLevel: 'BACKWARD' });
      expect(await call('PUT', `/config/${s}`, { compatibility: 'FORWARD_TRANSITIVE' })).toMatchObject({ status: 200, body: { compatibility: 'FORWARD_TRANSITIVE' } });
      expect((await call('GET', `/config/${s}`)).body).toEqual({ compatibilityLevel: 'FORWARD_TRANSITIVE' });
      expect(await call('PUT', `/config/${s}`, { compatibility: 'SIDEWAYS' })).toMatchObject({ status: 422, body: error(42203) });
      expect(await call('DELETE', `/config/${s}`)).toMatchObject({ status: 200, body: { compatibilityLevel: 'FORWARD_TRANSITIVE' } });
      expect(await call('GET', `/config/${s}`)).toMatchObject({ status: 404, body: error(40408) });
      expect(await call('DELETE', `/config/${s}`)).toMatchObject({ status: 404, body: error(40401) });
    });
  });
});
