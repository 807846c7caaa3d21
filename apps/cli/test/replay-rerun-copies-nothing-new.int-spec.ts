/**
 * Expected: a replay interrupted part-way (here: stopped by --to-offset) and then run again
 * with the same --replay-id over the whole range copies only the rest; a third run copies
 * nothing. The checkpoint is the target's own provenance headers.
 */
import { CliTestKit, runCli } from './cli-test-kit';

describe('replay re-run with the same id', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('resumes where the first run stopped and never duplicates', async () => {
    const source = await kit.topics.create('replay-rerun-src', 2);
    const target = await kit.topics.create('replay-rerun-dst', 2);
    await kit.produce(source, Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: `v${i}` })));
    const args = ['replay', source, '--to-topic', target, '--replay-id', 'resume-me', '--json'];

    const first = JSON.parse((await runCli([...args, '--to-offset', '9'])).stdout);
    expect(first.copied).toBe(20);

    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ copied: 20, alreadyCopied: 20 });

    const third = JSON.parse((await runCli(args)).stdout);
    expect(third).toMatchObject({ copied: 0, alreadyCopied: 40 });

    const copied = await kit.readAll(target);
    expect(copied).toHaveLength(40);
    expect(new Set(copied.map((m) => m.value?.toString())).size).toBe(40);

    // A different replay id is a different replay: it copies everything again.
    const other = JSON.parse((await runCli(['replay', source, '--to-topic', target, '--replay-id', 'another', '--json'])).stdout);
    expect(other.copied).toBe(40);
  });
});
