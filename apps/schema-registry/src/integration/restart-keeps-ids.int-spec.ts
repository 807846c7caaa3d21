/**
 * Ids, versions, deletions and levels survive a restart: a new process rebuilds them from the
 * `_schemas` topic alone, and new ids continue above the old ones.
 */
import { deleteSchemaTopics, startSchemaRegistry, uniqueName } from '@eventline/testing';
import { ID_FIELD, registryHttp, userSchema } from './registry-http';

describe('a restarted registry', () => {
  const topic = uniqueName('_schemas-restart');
  afterAll(() => deleteSchemaTopics([topic]));

  it('answers with the same ids and state it had before, and allocates above them', async () => {
    const subject = uniqueName('restart');
    const first = await startSchemaRegistry({ topic });
    let ids: number[];
    try {
      const call = registryHttp(first.url);
      const one = await call('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD]) });
      const two = await call('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD, { name: 'n', type: 'int', default: 0 }]) });
      ids = [one.body, two.body].map((body) => (body as { id: number }).id);
      await call('DELETE', `/subjects/${subject}/versions/1`);
      await call('PUT', `/config/${subject}`, { compatibility: 'FULL' });
    } finally {
      // SIGTERM is a clean stop: HTTP closed, Kafka clients disconnected, exit code 0.
      expect(await first.stop()).toBe(0);
    }

    const second = await startSchemaRegistry({ topic });
    try {
      const call = registryHttp(second.url);
      expect((await call('GET', `/subjects/${subject}/versions?deleted=true`)).body).toEqual([1, 2]);
      expect((await call('GET', `/subjects/${subject}/versions`)).body).toEqual([2]);
      expect((await call('GET', `/subjects/${subject}/versions/2`)).body).toMatchObject({ id: ids[1] });
      expect((await call('GET', `/schemas/ids/${ids[0]}`)).status).toBe(200);
      expect((await call('GET', `/config/${subject}`)).body).toEqual({ compatibilityLevel: 'FULL' });
      const again = await call('POST', `/subjects/${subject}/versions`, { schema: userSchema([ID_FIELD, { name: 'n', type: 'int', default: 0 }]) });
      expect(again.body).toEqual({ id: ids[1] });
      const next = await call('POST', `/subjects/${uniqueName('restart-other')}/versions`, { schema: userSchema([ID_FIELD], 'Other') });
      expect((next.body as { id: number }).id).toBe(Math.max(...ids) + 1);
    } finally {
      await second.stop();
    }
  });
});
