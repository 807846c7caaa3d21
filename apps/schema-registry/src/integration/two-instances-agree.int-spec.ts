/**
 * Two registry processes on one `_schemas` topic behave as one registry: what one writes the
 * other reads, and registrations racing on both never give two schemas the same id.
 */
import { deleteSchemaTopics, startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { ID_FIELD, eventually, registryHttp, userSchema, type RegistryCall } from './registry-http';

describe('two registry instances on one topic', () => {
  const topic = uniqueName('_schemas-pair');
  let a: SchemaRegistryProcess;
  let b: SchemaRegistryProcess;
  let callA: RegistryCall;
  let callB: RegistryCall;

  beforeAll(async () => {
    [a, b] = await Promise.all([startSchemaRegistry({ topic }), startSchemaRegistry({ topic })]);
    callA = registryHttp(a.url);
    callB = registryHttp(b.url);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await deleteSchemaTopics([topic]);
  });

  it('serves on B what was registered on A, once B catches up with the log', async () => {
    const subject = uniqueName('pair-read');
    const { id } = (await callA('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD]) })).body as { id: number };
    // B applies the log asynchronously; a client that switches instances may wait briefly.
    const found = await eventually(async () => {
      const response = await callB('GET', `/schemas/ids/${id}`);
      return response.status === 200 ? response : undefined;
    });
    expect(found?.status).toBe(200);
    // Registering the same schema on B is recognised as the same schema.
    expect((await callB('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD]) })).body).toEqual({ id });
    expect((await callB('GET', `/subjects/${subject}/versions`)).body).toEqual([1]);
  });

  it('gives distinct schemas registered concurrently on both instances distinct ids, and both agree', async () => {
    const schemas = Array.from({ length: 12 }, (_, i) => userSchema([ID_FIELD, { name: `f${i}`, type: 'int', default: i }], `Race${i}`));
    const subjects = schemas.map((_, i) => uniqueName(`pair-race-${i}`));
    const results = await Promise.all(
      schemas.map((schema, i) => (i % 2 === 0 ? callA : callB)('POST', `/subjects/${subjects[i]}/versions`, { schema })),
    );
    expect(results.map((r) => r.status)).toEqual(schemas.map(() => 200));
    const ids = results.map((r) => (r.body as { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);

    for (const call of [callA, callB]) {
      for (let i = 0; i < schemas.length; i++) {
        const version = await eventually(async () => {
          const response = await call('GET', `/subjects/${subjects[i]}/versions/1`);
          return response.status === 200 ? (response.body as { id: number; schema: string }) : undefined;
        });
        expect(version).toMatchObject({ id: ids[i], version: 1 });
        expect(JSON.parse(version!.schema).name).toBe(`acme.Race${i}`);
      }
    }
  });

  it('settles two different schemas racing for the same subject version on one winner', async () => {
    const subject = uniqueName('pair-version');
    await callA('PUT', `/config/${subject}`, { compatibility: 'NONE' });
    const [fromA, fromB] = await Promise.all([
      callA('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD], 'SameSubjectA') }),
      callB('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD], 'SameSubjectB') }),
    ]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    const idA = (fromA.body as { id: number }).id;
    const idB = (fromB.body as { id: number }).id;
    expect(idA).not.toBe(idB);
    // Each instance ends with both schemas, one per version, once it has read the other's writes.
    for (const call of [callA, callB]) {
      const versions = await eventually(async () => {
        const ids = await Promise.all(
          [1, 2].map(async (v) => {
            const response = await call('GET', `/subjects/${subject}/versions/${v}`);
            return response.status === 200 ? (response.body as { id: number }).id : undefined;
          }),
        );
        return ids.every((id) => id !== undefined) ? ids : undefined;
      });
      expect(versions?.sort((x, y) => x! - y!)).toEqual([idA, idB].sort((x, y) => x - y));
    }
    expect((await callA('GET', `/subjects/${subject}/versions?deleted=true`)).body).toEqual([1, 2]);

    // A third instance replaying the log, losing records and repairs included, agrees.
    const c = await startSchemaRegistry({ topic });
    try {
      const callC = registryHttp(c.url);
      for (const version of [1, 2]) {
        const onA = (await callA('GET', `/subjects/${subject}/versions/${version}`)).body;
        expect((await callC('GET', `/subjects/${subject}/versions/${version}`)).body).toEqual(onA);
      }
      expect((await callC('GET', '/subjects')).body).toEqual((await callA('GET', '/subjects')).body);
    } finally {
      await c.stop();
    }
  });
});
