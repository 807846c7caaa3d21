import type { AdminPort, TopicSpec } from '../kafka/kafka-client.port';
import { Classification, EventlineError } from '@eventline/errors';
import { DEAD_LETTER_TOPIC_CONFIG, TOPIC_DECLARATIONS, type Topic, type TopicDeclaration } from '@eventline/contracts';
import { defaultDeadLetterTopic } from '../dead-letter/dead-letter-headers';

export interface TopicCheck {
  readonly topic: string;
  readonly action: 'created' | 'ok' | 'mismatch';
  readonly problems: readonly string[];
}

export class TopicMismatchError extends EventlineError<'TOPIC_MISMATCH'> {
  override readonly name = 'TopicMismatchError';
  constructor(readonly checks: readonly TopicCheck[]) {
    super(
      'TOPIC_MISMATCH',
      `existing topics differ from their declaration (libs/contracts/src/catalog/topic-declarations.ts); fix the topic or the declaration:\n` +
        checks
          .filter((c) => c.action === 'mismatch')
          .map((c) => `  - ${c.topic}: ${c.problems.join('; ')}`)
          .join('\n'),
      Classification.Final,
    );
  }
}

interface Wanted {
  readonly name: string;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

function wanted(declarations: readonly TopicDeclaration[], physical: (topic: Topic) => string): Wanted[] {
  const all: Wanted[] = [];
  for (const d of declarations) {
    const name = physical(d.topic);
    all.push({ name, partitions: d.partitions, config: d.config });
    if (d.deadLetter) all.push({ name: defaultDeadLetterTopic(name), partitions: d.partitions, config: DEAD_LETTER_TOPIC_CONFIG });
  }
  return all;
}

/**
 * Creates the declared topics that do not exist and checks the ones that do. A mismatch
 * (partition count, a config value) is reported, never "fixed": changing partitions moves
 * keys, and retention is an operator's decision.
 */
export async function provisionTopics(
  admin: Pick<AdminPort, 'listTopics' | 'createTopics' | 'topicPartitions' | 'topicConfigs'>,
  options: { physical?: (topic: Topic) => string; declarations?: readonly TopicDeclaration[]; replicationFactor?: number } = {},
): Promise<TopicCheck[]> {
  const physical = options.physical ?? ((t: Topic) => t);
  const want = wanted(options.declarations ?? TOPIC_DECLARATIONS, physical);
  const existing = new Set(await admin.listTopics());
  const toCreate = want.filter((w) => !existing.has(w.name));
  if (toCreate.length > 0) {
    const topics: TopicSpec[] = toCreate.map((w) => ({
      topic: w.name,
      numPartitions: w.partitions,
      // -1: the broker's default.replication.factor (1 locally, 3 on the three-node cluster).
      replicationFactor: options.replicationFactor ?? -1,
      configEntries: Object.entries(w.config).map(([name, value]) => ({ name, value })),
    }));
    // A broker answers UNKNOWN_TOPIC_OR_PARTITION for a moment after creating a topic (kafkajs's
    // own waitForLeaders gives up on it); wait for every leader here instead.
    await admin.createTopics(topics);
    const names = toCreate.map((w) => w.name);
    for (let i = 0; ; i++) {
      const ready = await admin.topicPartitions(names).then(
        (topics) => topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)),
        () => false,
      );
      if (ready) break;
      if (i >= 300) throw new Error(`topics ${names.join(', ')} have no leaders after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const present = want.filter((w) => existing.has(w.name));
  const checks: TopicCheck[] = toCreate.map((w) => ({ topic: w.name, action: 'created', problems: [] }));
  if (present.length > 0) {
    const metadata = await admin.topicPartitions(present.map((w) => w.name));
    const configNames = [...new Set(present.flatMap((w) => Object.keys(w.config)))];
    const configs = await admin.topicConfigs(present.map((w) => w.name), configNames);
    for (const w of present) {
      const problems: string[] = [];
      const partitions = metadata.find((t) => t.name === w.name)?.partitions.length ?? 0;
      if (partitions !== w.partitions) problems.push(`${partitions} partitions, declared ${w.partitions}`);
      const entries = configs.get(w.name);
      for (const [name, value] of Object.entries(w.config)) {
        const actual = entries?.get(name);
        if (actual !== value) problems.push(`${name}=${actual ?? '(unset)'}, declared ${value}`);
      }
      checks.push({ topic: w.name, action: problems.length ? 'mismatch' : 'ok', problems });
    }
  }
  if (checks.some((c) => c.action === 'mismatch')) throw new TopicMismatchError(checks);
  return checks;
}
