import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { OpsContext } from '../context/ops-context';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import { assertTopicExists } from './topic-exists';
import { planTopicCreate, type TopicCreatePlan, type TopicCreateRequest, type TopicTemplate } from './topic-create.plan';

// kafkajs's ConfigSource: set on the topic itself (not a broker default or a static config).
const TOPIC_CONFIG_SOURCE = 1;

/** Partition count and the configs set on `topic` itself: what creating a topic like it copies. */
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
  if ((await admin.listTopics()).includes(plan.topic)) throw new OpsError(OpsErrorCode.TopicExists, `topic ${plan.topic} already exists`, { detail: { topic: plan.topic } });
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

export interface TopicCreateResult {
  readonly plan: TopicCreatePlan;
  readonly created: boolean;
}

/** Plans a topic (like `like`, when given) and, unless `dryRun`, creates it. */
export async function runTopicCreate(ctx: OpsContext, topic: string, request: TopicCreateRequest & { readonly like?: string; readonly dryRun?: boolean }): Promise<TopicCreateResult> {
  const admin = await ctx.admin();
  const plan = planTopicCreate(topic, request, request.like ? await topicTemplate(admin, request.like) : undefined);
  if (!request.dryRun) await createTopic(admin, plan);
  return { plan, created: !request.dryRun };
}
