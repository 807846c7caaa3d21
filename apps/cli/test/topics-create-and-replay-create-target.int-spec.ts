/**
 * A newcomer's replay target. Expected: `topics create --like` copies the partition count and
 * the topic's own configs, `--dry-run` creates nothing, an existing name is refused (exit 2);
 * a replay to a missing target says what to run, and `--create-target` creates it like the
 * source and copies into it (its dry run creates nothing and plans the full copy).
 */
import { ConfigResourceTypes } from 'kafkajs';
import { ExitCode } from '../src/common/exit-code';
import { CliTestKit, runCli } from './cli-test-kit';

describe('topics create and replay --create-target', () => {
  const kit = new CliTestKit();
  let source: string;
  const made: string[] = [];

  beforeAll(async () => {
    source = await kit.topics.create('mk-src', 3, { configEntries: [{ name: 'retention.ms', value: '3600000' }] });
    await kit.produce(source, Array.from({ length: 9 }, (_, i) => ({ partition: i % 3, key: `k${i}`, value: `v${i}` })));
  });
  afterAll(async () => {
    const admin = await kit.topics.admin();
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: made.filter((t) => existing.has(t)) }).catch(() => undefined);
    await kit.cleanup();
  });

  const describe = async (topic: string) => {
    const admin = await kit.topics.admin();
    const [metadata, configs] = await Promise.all([
      admin.fetchTopicMetadata({ topics: [topic] }),
      admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] }),
    ]);
    const retention = configs.resources[0].configEntries.find((c) => c.configName === 'retention.ms')?.configValue;
    return { partitions: metadata.topics[0].partitions.length, retention };
  };
  const exists = async (topic: string) => (await (await kit.topics.admin()).listTopics()).includes(topic);

  it('creates a topic like another one, and only plans it with --dry-run', async () => {
    const target = `${source}.copy`;
    made.push(target);
    const dry = await runCli(['topics', 'create', target, '--like', source, '--dry-run']);
    expect(dry).toMatchObject({ code: ExitCode.Ok, stdout: expect.stringContaining(`would create ${target}: 3 partition(s)`) });
    expect(await exists(target)).toBe(false);

    const run = await runCli(['topics', 'create', target, '--like', source, '--config', 'cleanup.policy=delete', '--json']);
    expect(run.code).toBe(ExitCode.Ok);
    expect(JSON.parse(run.stdout)).toMatchObject({ topic: target, partitions: 3, like: source, created: true, configs: { 'retention.ms': '3600000', 'cleanup.policy': 'delete' } });
    expect(await describe(target)).toEqual({ partitions: 3, retention: '3600000' });

    const again = await runCli(['topics', 'create', target]);
    expect(again.code).toBe(ExitCode.Usage);
    expect(again.stderr.trim()).toBe(`eventline: topic ${target} already exists`);
  });

  it('tells a replay to a missing target what to run, and creates it with --create-target', async () => {
    const target = `${source}.replay`;
    made.push(target);
    const refused = await runCli(['replay', source, '--to-topic', target]);
    expect(refused.code).toBe(ExitCode.Usage);
    expect(refused.stderr).toContain(`add --create-target (same partitions and configs as ${source}), or run "eventline topics create ${target} --like ${source}"`);

    const dry = await runCli(['replay', source, '--to-topic', target, '--create-target', '--dry-run', '--json']);
    expect(dry.code).toBe(ExitCode.Ok);
    expect(dry.stderr).toContain(`would create ${target} like ${source} (3 partition(s))`);
    expect(await exists(target)).toBe(false);

    const run = await runCli(['replay', source, '--to-topic', target, '--create-target', '--json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: ExitCode.Ok, stderr: expect.stringContaining(`created ${target} like ${source}`) });
    expect(await describe(target)).toEqual({ partitions: 3, retention: '3600000' });
    expect((await kit.readAll(target)).length).toBe(9);
  });
});
