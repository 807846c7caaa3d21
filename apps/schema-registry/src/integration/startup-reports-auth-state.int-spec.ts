/**
 * At start the registry says whether it authenticates: without a users file it warns once that
 * anyone who can reach it can register schemas and /health says auth "disabled"; with a users
 * file that has a malformed line it does not start at all (exit 2), naming the file and the
 * line and printing nothing of the line beyond the user name.
 */
import { deleteSchemaTopics, testBrokers, uniqueName } from '@eventline/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../auth/password-hash';
import { authorizedHttp } from './authorized-http';
import { spawnRegistry } from './registry-child';

describe('registry startup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-startup-'));
  const topic = uniqueName('_schemas-startup');
  afterAll(async () => {
    await deleteSchemaTopics([topic]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a users file, warns once that it is open and says so on /health', async () => {
    const registry = spawnRegistry({ KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_TOPIC: topic });
    try {
      const url = (await registry.waitFor(/listening on (http:\/\/\S+)/))[1];
      await registry.waitFor(/authentication disabled/);
      expect(await authorizedHttp(url)('GET', '/health')).toMatchObject({ status: 200, body: { status: 'UP', auth: 'disabled' } });
      const warnings = registry.output().match(/WARN.*authentication disabled: anyone who can reach http:\/\/127\.0\.0\.1:\d+ can register schemas; set SCHEMA_REGISTRY_USERS_FILE/g);
      expect(warnings).toHaveLength(1);
    } finally {
      expect(await registry.stop()).toBe(0);
    }
  });

  it('with a malformed users file, exits 2 naming the file and line, and not the line', async () => {
    const hash = await hashPassword('canary-malformed-pw');
    const file = join(dir, 'users');
    writeFileSync(file, `# team\nalice:read:${hash}\nbob:owner:${hash}\n${hash}\n`);
    const registry = spawnRegistry({ KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_TOPIC: topic, SCHEMA_REGISTRY_USERS_FILE: file });
    expect(await registry.exited()).toBe(2);
    const output = registry.output();
    expect(output).toContain(`${file}:3: user "bob": the role must be one of read, write, admin`);
    expect(output).toContain(`${file}:4: expected name:role:credential`);
    for (const part of hash.split('$').slice(-2)) expect(output).not.toContain(part);
  });
});
