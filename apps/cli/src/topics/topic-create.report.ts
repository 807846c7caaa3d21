import type { TopicCreateResult } from '@eventline/ops';
import type { Output } from '../common/output';

/** `topics create`: what was (or would be) created. */
export function printTopicCreate(output: Output, { plan, created }: TopicCreateResult): void {
  if (output.json) return output.document({ ...plan, created });
  const configs = Object.entries(plan.configs).map(([k, v]) => `${k}=${v}`).join(', ') || '(broker defaults)';
  const rf = plan.replicationFactor === -1 ? "the brokers' default" : String(plan.replicationFactor);
  output.line(`${created ? 'created' : 'would create'} ${plan.topic}: ${plan.partitions} partition(s), replication ${rf}, configs ${configs}${plan.like ? ` (like ${plan.like})` : ''}`);
}
