/**
 * A dry run with a filter used to print "TO COPY 6" where the real run then copied 2.
 * Expected: the dry run reads the planned range and says how many records match (2 of 6),
 * its JSON says `wouldCopy` (never `copied`), it writes nothing, and the real run copies
 * exactly that many.
 */
import { ExitCode } from '../src/common/exit-code';
import { CliTestKit, runCli } from './cli-test-kit';

describe('a replay dry run with a filter', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('counts the records the filter lets through, and the real run copies that many', async () => {
    const source = await kit.topics.create('dry-src', 2);
    const target = await kit.topics.create('dry-dst', 2);
    await kit.produce(
      source,
      Array.from({ length: 6 }, (_, i) => ({
        partition: i % 2,
        key: `k${i}`,
        value: `v${i}`,
        headers: { ce_type: i < 2 ? 'dev.eventline.orders.OrderPaid' : 'dev.eventline.orders.OrderPlaced' },
      })),
    );

    const dry = await runCli(['replay', source, '--to-topic', target, '--type', 'dev.eventline.orders.OrderPaid', '--dry-run', '--json']);
    expect(dry.code).toBe(ExitCode.Ok);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({ dryRun: true, wouldCopyBeforeFiltering: '6', wouldCopy: 2 });
    expect(plan).not.toHaveProperty('copied');
    const text = await runCli(['replay', source, '--to-topic', target, '--type', 'dev.eventline.orders.OrderPaid', '--dry-run']);
    expect(text.stdout).toContain('2 of the 6 record(s) to read match the filters and would be copied; nothing was written.');
    expect((await kit.readAll(target)).length).toBe(0);

    const run = await runCli(['replay', source, '--to-topic', target, '--type', 'dev.eventline.orders.OrderPaid', '--json']);
    expect(run.code).toBe(ExitCode.Ok);
    expect((await kit.readAll(target)).length).toBe(2);
  });
});
