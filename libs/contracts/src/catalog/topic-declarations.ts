import { Topic } from './topic';

/** What a topic must look like; checked (never silently changed) at start. */
export interface TopicDeclaration {
  readonly topic: Topic;
  readonly partitions: number;
  /** Topic configs that must hold (retention, cleanup policy…). */
  readonly config: Readonly<Record<string, string>>;
  /** The dead-letter topic of its consumers, created beside it with the same partition count. */
  readonly deadLetter: boolean;
}

const SEVEN_DAYS_MS = String(7 * 24 * 60 * 60 * 1000);
const THIRTY_DAYS_MS = String(30 * 24 * 60 * 60 * 1000);

/**
 * The one list of the pipeline's topics. Six partitions each: the unit of consumer
 * parallelism, so up to six instances of a worker share the load. Dead-letter topics keep
 * records longer, to leave time for a redrive.
 */
export const TOPIC_DECLARATIONS: readonly TopicDeclaration[] = [
  { topic: Topic.Orders, partitions: 6, config: { 'cleanup.policy': 'delete', 'retention.ms': SEVEN_DAYS_MS }, deadLetter: true },
  { topic: Topic.Shipments, partitions: 6, config: { 'cleanup.policy': 'delete', 'retention.ms': SEVEN_DAYS_MS }, deadLetter: true },
];

export const DEAD_LETTER_TOPIC_CONFIG: Readonly<Record<string, string>> = { 'cleanup.policy': 'delete', 'retention.ms': THIRTY_DAYS_MS };
