import { Command } from 'commander';
import { withContext } from '../common/command-action';
import { positiveInt } from '../common/option-parsers';
import { describeTopic, runTopicCreate, summarizeTopics } from '@eventline/ops';
import { printTopicCreate } from './topic-create.report';

export function topicsCommand(): Command {
  const topics = new Command('topics').description('list topics, show one topic’s partitions, offsets and configs, or create one');

  topics
    .command('list')
    .description('every topic with its partition count and record count (latest − earliest offset)')
    .option('--internal', 'include internal topics (names starting with "_")')
    .addHelpText(
      'after',
      `
Examples:
  eventline topics list
  eventline topics list --json | jq -r '.[] | select(.records != "0") | .topic'`,
    )
    .action((flags: { internal?: boolean }, command: Command) =>
      withContext(command, async (ctx) => {
        const summaries = await summarizeTopics(await ctx.admin(), flags.internal === true);
        if (ctx.output.json) return ctx.output.document(summaries);
        ctx.output.table(summaries, [
          ['TOPIC', (s) => s.topic],
          ['PARTITIONS', (s) => String(s.partitions)],
          ['RECORDS', (s) => s.records.toString()],
        ]);
      }),
    );

  topics
    .command('describe')
    .description('partitions (leader, replicas, in-sync replicas, earliest and latest offsets, records) and configs of one topic')
    .argument('<topic>')
    .option('--all-configs', 'show every config, not only those set on the topic or the broker')
    .addHelpText(
      'after',
      `
Records per partition are latest − earliest: exact for plain topics, an upper bound for
compacted or transactional ones. Configs are those that differ from Kafka's defaults.

Examples:
  eventline topics describe orders
  eventline topics describe orders --all-configs
  eventline topics describe orders --json | jq '.partitions[] | {partition, high}'`,
    )
    .action((topic: string, flags: { allConfigs?: boolean }, command: Command) =>
      withContext(command, async (ctx) => {
        const description = await describeTopic(await ctx.admin(), topic);
        const configs = flags.allConfigs ? description.configs : description.configs.filter((c) => !c.isDefault);
        if (ctx.output.json) return ctx.output.document({ ...description, configs });
        ctx.output.line(`topic ${topic}: ${description.partitions.length} partition(s)`);
        ctx.output.line();
        ctx.output.table(description.partitions, [
          ['PARTITION', (p) => String(p.partition)],
          ['LEADER', (p) => String(p.leader)],
          ['REPLICAS', (p) => p.replicas.join(',')],
          ['ISR', (p) => p.isr.join(',')],
          ['EARLIEST', (p) => p.low.toString()],
          ['LATEST', (p) => p.high.toString()],
          ['RECORDS', (p) => p.records.toString()],
        ]);
        ctx.output.line();
        ctx.output.table(
          configs,
          [
            ['CONFIG', (c) => c.name],
            ['VALUE', (c) => c.value ?? ''],
          ],
          '(all configs at their defaults; --all-configs lists them)',
        );
      }),
    );
  topics
    .command('create')
    .description('create a topic, by default like nothing (1 partition, broker defaults), or --like another one')
    .argument('<topic>')
    .option('--partitions <n>', 'partition count (default: the --like topic’s, else 1)', positiveInt)
    .option('--replication-factor <n>', "replicas per partition (default: the brokers' default.replication.factor)", positiveInt)
    .option('--like <topic>', 'copy the partition count and the configs set on this topic')
    .option('--config <name=value>', 'a topic config, e.g. retention.ms=86400000; repeat for more (wins over --like)', collect)
    .option('--dry-run', 'print what would be created and create nothing')
    .addHelpText(
      'after',
      `
Examples:
  eventline topics create orders.replay --like orders            # same partitions and configs as orders
  eventline topics create audit --partitions 3 --config retention.ms=86400000 --dry-run`,
    )
    .action((topic: string, flags: { partitions?: number; replicationFactor?: number; config?: string[]; like?: string; dryRun?: boolean }, command: Command) =>
      withContext(command, async (ctx) => printTopicCreate(ctx.output, await runTopicCreate(ctx.ops, topic, flags))),
    );
  return topics;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
