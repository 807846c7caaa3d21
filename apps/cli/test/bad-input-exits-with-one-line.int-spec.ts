/**
 * Expected: every kind of bad input ends with exactly one line on stderr, nothing on stdout,
 * the exit code `ExitCode` names (2 bad input, 3 refused, 1 runtime failure), and nothing
 * written to the target.
 */
import { ExitCode } from '../src/common/exit-code';
import { CliTestKit, runCli } from './cli-test-kit';

describe('bad input', () => {
  const kit = new CliTestKit();
  let source: string;
  let target: string;
  let narrow: string;
  let framed: string;

  beforeAll(async () => {
    source = await kit.topics.create('bad-src', 2);
    target = await kit.topics.create('bad-dst', 2);
    narrow = await kit.topics.create('bad-narrow', 1);
    framed = await kit.topics.create('bad-framed', 1);
    // Confluent framing (magic byte 0, schema id 7): decoding it needs the registry.
    await kit.produce(framed, [{ key: 'k', value: Buffer.from([0, 0, 0, 0, 7, 2, 0x61]) }]);
    await kit.produce(source, Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: `v${i}` })));
  });
  afterAll(() => kit.cleanup());

  const cases: Array<[string, () => string[], number, RegExp]> = [
    ['an unknown topic', () => ['topics', 'describe', 'no-such-topic-xyz'], ExitCode.Usage, /^eventline: topic no-such-topic-xyz does not exist$/],
    ['a mistyped topic', () => ['topics', 'describe', source.slice(0, -1)], ExitCode.Usage, /^eventline: topic bad-src-\S+ does not exist \(did you mean bad-src-/],
    ['dlq show on a topic that is not a dead-letter topic', () => ['dlq', 'show', source], ExitCode.Usage, /^eventline: bad-src-\S+ is not a dead-letter topic: its records carry no eventline-dlq-\* headers/],
    ['an unknown replay source', () => ['replay', 'no-such-topic-xyz', '--to-topic', target], ExitCode.Usage, /source topic no-such-topic-xyz does not exist/],
    ['an unknown group', () => ['groups', 'describe', 'no-such-group-xyz'], ExitCode.Usage, /consumer group no-such-group-xyz does not exist/],
    ['an offset past the latest', () => ['replay', source, '--to-topic', target, '--partition', '0', '--from-offset', '99'], ExitCode.Usage, /--from-offset 99 is outside .*\[0\], which holds offsets 0–4/],
    ['an unparseable time', () => ['replay', source, '--to-topic', target, '--from-time', 'last tuesday'], ExitCode.Usage, /--from-time "last tuesday" is not a time/],
    ['a target with fewer partitions', () => ['replay', source, '--to-topic', narrow], ExitCode.Refused, /has 1 partition\(s\) but records come from .* partitions up to 1; .*--repartition/],
    ['two start positions', () => ['tail', source, '--from-beginning', '--from-offset', '2'], ExitCode.Usage, /choose one of --from-beginning, --from-offset/],
    ['a bad flag value', () => ['tail', source, '--max', 'lots'], ExitCode.Usage, /--max <n>.*invalid/],
    ['an unknown command', () => ['replya'], ExitCode.Usage, /^eventline: unknown command 'replya'/],
    ['a missing required option', () => ['groups', 'reset', 'some-group'], ExitCode.Usage, /^eventline: required option '--topic <topic\[:p1,p2\]>' not specified$/],
    ['a redrive for one group and for all groups', () => ['dlq', 'redrive', source, '--group', 'billing', '--all-groups'], ExitCode.Usage, /^eventline: choose one of --group, --all-groups$/],
    ['an empty group to replay for', () => ['replay', source, '--to-topic', target, '--for-group', ''], ExitCode.Usage, /--for-group <id>.*invalid\. expected a consumer group id/],
    ['the registry down when decoding', () => ['tail', framed, '--max', '1'], ExitCode.Failure, /schema registry unavailable: GET \/schemas\/ids\/7: cannot connect \(connect ECONNREFUSED 127\.0\.0\.1:9\)/],
    ['Kafka unreachable', () => ['topics', 'list', '--brokers', '127.0.0.1:9'], ExitCode.Failure, /cannot reach Kafka at 127\.0\.0\.1:9/],
  ];

  it.each(cases)('refuses %s', async (_, args, code, message) => {
    const run = await runCli(args());
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: '' });
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(message);
    // Commander may add a "(Did you mean …?)" hint line; our own errors are exactly one line.
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it('wrote nothing to any target', async () => {
    expect([...(await kit.latestOffsets(target)).values()]).toEqual(['0', '0']);
    expect([...(await kit.latestOffsets(narrow)).values()]).toEqual(['0']);
  });
});
