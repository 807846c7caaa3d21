/**
 * EVENTLINE_CODEC_MODE=production against a registry that lacks the order schemas.
 * Expected: the service refuses to start, naming the subjects to register, and registers
 * nothing itself. Embedded PGlite, real broker, a fresh registry.
 */
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { startApp, testEnv } from './support/orders-test-kit';

describe('production mode refuses missing schemas', () => {
  let registry: SchemaRegistryProcess;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
  }, 60_000);

  afterAll(async () => {
    await registry?.stop();
  }, 30_000);

  it('does not start, and names the subjects to register', async () => {
    const env = testEnv({ registryUrl: registry.url, topicPrefix: `${uniqueName('orders-prod')}.`, extra: { EVENTLINE_CODEC_MODE: 'production' } });
    await expect(startApp(env)).rejects.toThrow(/production mode.*not registered: orders-dev\.eventline\.orders\.OrderPlaced/s);
    const subjects = (await (await fetch(`${registry.url}/subjects`)).json()) as string[];
    expect(subjects).toEqual([]);
  });
});
