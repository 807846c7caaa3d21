/**
 * Expected: with records stamped an hour apart, `replay --from-time T --to-time U` copies
 * exactly the records with T ≤ timestamp < U, and `--dry-run` shows those offsets while
 * writing nothing.
 */
import { CliTestKit, runCli } from './cli-test-kit';

describe('replay by time', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('picks the first offset at or after --from-time and stops before --to-time', async () => {
    const source = await kit.topics.create('replay-time-src', 1);
    const target = await kit.topics.create('replay-time-dst', 1);
    const base = Date.parse('2025-06-01T08:00:00Z');
    const hour = 3_600_000;
    // Offsets 0–3 at 08:00, 4–7 at 09:00, 8–11 at 10:00.
    await kit.produce(
      source,
      Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, timestamp: String(base + Math.floor(i / 4) * hour) })),
    );
    const window = ['--from-time', '2025-06-01T08:30:00Z', '--to-time', '2025-06-01T10:00:00Z'];

    const dry = await runCli(['replay', source, '--to-topic', target, ...window, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan.rows).toEqual([expect.objectContaining({ partition: 0, from: '4', to: '8', count: '4', remaining: '4' })]);
    expect((await kit.latestOffsets(target)).get(0)).toBe('0');

    const run = await runCli(['replay', source, '--to-topic', target, ...window]);
    expect(run.code).toBe(0);
    const copied = await kit.readAll(target);
    expect(copied.map((m) => m.value?.toString())).toEqual(['v4', 'v5', 'v6', 'v7']);
  });
});
