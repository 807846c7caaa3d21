import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { assertTopicExists } from '@eventline/ops';
import { badArgument } from '../common/cli.error';
import type { CliContext } from '../common/cli-context';
import { planTopicCreate, type TopicCreatePlan, type TopicTemplate } from './topic-create.plan';

// kafkajs's ConfigSource: set on the topic itself (not a broker default or a static config).
const TOPIC_CONFIG_SOURCE = 1;

/** Partition count and the configs set on `topic` itself: what `--like` copies. */
export async function topicTemplate(admin: Admin, topic: string): Promise<TopicTemplate & { name: string }> {
  await assertTopicExists(admin, topic, 'like topic', 'like');
  const [metadata, described] = await Promise.all([
    admin.fetchTopicMetadata({ topics: [topic] }),
    admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] }),
  ]);
  const configs = Object.fromEntries(
    (described.resources[0]?.configEntries ?? [])
      .filter((c) => c.configSource === TOPIC_CONFIG_SOURCE && !c.isSensitive && c.configValue !== null)
      .map((c) => [c.configName, c.configValue]),
  );
  return { name: topic, partitions: metadata.topics[0].partitions.length, configs };
}

/**
 * Creates the planned topic and waits until every partition has a leader that answers
 * (kafkajs's own wait gives up on the UNKNOWN_TOPIC_OR_PARTITION a broker answers right after creating).
 */
export async function createTopic(admin: Admin, plan: TopicCreatePlan): Promise<void> {
  if ((await admin.listTopics()).includes(plan.topic)) throw badArgument(`topic ${plan.topic} already exists`);
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      {
        topic: plan.topic,
        numPartitions: plan.partitions,
        replicationFactor: plan.replicationFactor,
        configEntries: Object.entries(plan.configs).map(([name, value]) => ({ name, value })),
      },
    ],
  });
  for (let i = 0; ; i++) {
    // Leaders in the metadata are not enough: for a moment the leader still answers ListOffsets
    // and Produce with NOT_LEADER_FOR_PARTITION. Ready is when offsets can be read.
    const ready = await admin
      .fetchTopicMetadata({ topics: [plan.topic] })
      .then((m) => m.topics[0].partitions.length === plan.partitions && m.topics[0].partitions.every((p) => p.leader >= 0), () => false)
      .then((leaders) => leaders && admin.fetchTopicOffsets(plan.topic).then(() => true, () => false));
    if (ready) return;
    if (i >= 300) throw new Error(`topic ${plan.topic} was created but has no leader for every partition after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runTopicCreate(
  ctx: CliContext,
  topic: string,
  flags: { partitions?: number; replicationFactor?: number; config?: string[]; like?: string; dryRun?: boolean },
): Promise<void> {
  const admin = await ctx.admin();
  const plan = planTopicCreate(topic, flags, flags.like ? await topicTemplate(admin, flags.like) : undefined);
  if (!flags.dryRun) await createTopic(admin, plan);
  if (ctx.output.json) return ctx.output.document({ ...plan, created: !flags.dryRun });
  const configs = Object.entries(plan.configs).map(([k, v]) => `${k}=${v}`).join(', ') || '(broker defaults)';
  const rf = plan.replicationFactor === -1 ? "the brokers' default" : String(plan.replicationFactor);
  ctx.output.line(
    `${flags.dryRun ? 'would create' : 'created'} ${plan.topic}: ${plan.partitions} partition(s), replication ${rf}, configs ${configs}${plan.like ? ` (like ${plan.like})` : ''}`,
  );
}
