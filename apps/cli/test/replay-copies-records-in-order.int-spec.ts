/**
 * Expected: `eventline replay` (a real child process) copies every record of a 3-partition
 * topic into a 3-partition target: same partition, same order, same key, value bytes and
 * headers, plus the four provenance headers naming source topic, partition and offset.
 */
import { randomBytes } from 'node:crypto';
import { ProvenanceHeader } from '@eventline/ops';
import { CliTestKit, header, runCli } from './cli-test-kit';

describe('replay', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('copies key, value bytes and headers in per-partition order, with provenance', async () => {
    const source = await kit.topics.create('replay-src', 3);
    const target = await kit.topics.create('replay-dst', 3);
    const messages = Array.from({ length: 90 }, (_, i) => ({
      partition: i % 3,
      key: `k${i % 7}`,
      value: randomBytes(20 + (i % 5)),
      headers: { ce_type: `type-${i % 2}`, seq: String(i) },
    }));
    await kit.produce(source, messages);

    const run = await runCli(['replay', source, '--to-topic', target, '--replay-id', 'copy-1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/replay copy-1: copied 90 record\(s\)/);

    const [original, copied] = await Promise.all([kit.readAll(source), kit.readAll(target)]);
    expect(copied).toHaveLength(90);
    for (let i = 0; i < original.length; i += 1) {
      const o = original[i];
      const c = copied[i];
      expect(c.partition).toBe(o.partition);
      expect(c.key).toEqual(o.key);
      expect(c.value).toEqual(o.value);
      expect(header(c.headers, 'seq')).toBe(header(o.headers, 'seq'));
      expect(header(c.headers, 'ce_type')).toBe(header(o.headers, 'ce_type'));
      expect(header(c.headers, ProvenanceHeader.ReplayId)).toBe('copy-1');
      expect(header(c.headers, ProvenanceHeader.ReplaySourceTopic)).toBe(source);
      expect(header(c.headers, ProvenanceHeader.ReplaySourcePartition)).toBe(String(o.partition));
      expect(header(c.headers, ProvenanceHeader.ReplaySourceOffset)).toBe(o.offset);
    }
  });
});
