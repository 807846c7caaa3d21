import { badArgument } from '../errors/ops.error';
import { parsePartitionList } from '../ranges/offset-position';

/** A topic of a group reset, all its partitions or only some. */
export interface TopicSelection {
  readonly topic: string;
  readonly partitions?: readonly number[];
}

/** `orders` or `orders:0,2` (Kafka topic names cannot contain ':'); `field` names the parameter in the error. */
export function parseTopicSelection(text: string, field = 'topic'): TopicSelection {
  const [topic, partitions, extra] = text.split(':');
  if (!topic || extra !== undefined) throw badArgument(`${field} "${text}" is not <topic> or <topic>:<p>,<p>`, field);
  return partitions === undefined ? { topic } : { topic, partitions: parsePartitionList(partitions, field) };
}
