import type { OpsContext } from '../context/ops-context';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import { assertTopicExists } from '../topics/topic-exists';
import { fetchOffsetsAtTimes, fetchWatermarks } from '../topics/topic-offsets';
import { assertGroupExists, committedOffsets, describeMembers, memberLabel } from './group-description';
import { planReset, type ResetRow, type ResetTarget } from './offset-reset-plan';
import type { TopicSelection } from './topic-selection';

export interface GroupResetRequest {
  readonly groupId: string;
  readonly topics: readonly TopicSelection[];
  readonly target: ResetTarget;
}

export interface GroupResetResult {
  readonly groupId: string;
  /** False: the plan only, nothing committed. */
  readonly executed: boolean;
  readonly partitions: readonly ResetRow[];
}

/**
 * Current → new committed offset per partition. A group with members is refused even for a
 * plan (as Kafka's own tool does): the members would overwrite the reset with their next
 * commit, and a plan made against a moving group is already stale when shown.
 */
export async function planGroupReset(ctx: OpsContext, request: GroupResetRequest): Promise<ResetRow[]> {
  const admin = await ctx.admin();
  await assertGroupExists(admin, request.groupId);
  for (const { topic } of request.topics) await assertTopicExists(admin, topic);

  const { members } = await describeMembers(admin, request.groupId);
  if (members.length > 0) {
    throw new OpsError(
      OpsErrorCode.GroupActive,
      `consumer group ${request.groupId} has ${members.length} active member(s): ${members.map(memberLabel).join('; ')} — stop them, then reset`,
    );
  }

  const rows: ResetRow[] = [];
  for (const selection of request.topics) {
    const watermarks = await fetchWatermarks(admin, selection.topic);
    const committed = new Map(
      (await committedOffsets(admin, request.groupId, [], [selection.topic]))
        .filter((c) => c.committed !== undefined)
        .map((c) => [c.partition, c.committed as bigint]),
    );
    const offsetsAtTime =
      request.target.kind === 'time' ? (await fetchOffsetsAtTimes(admin, selection.topic, [request.target.at])).get(request.target.at) : undefined;
    rows.push(...planReset({ topic: selection.topic, watermarks, partitions: selection.partitions, committed, target: request.target, offsetsAtTime }));
  }
  return rows;
}

/** Plans the reset and, with `execute`, commits the new offsets. */
export async function runGroupReset(ctx: OpsContext, request: GroupResetRequest & { readonly execute: boolean }): Promise<GroupResetResult> {
  const rows = await planGroupReset(ctx, request);
  if (request.execute) {
    const admin = await ctx.admin();
    for (const { topic } of request.topics) {
      const partitions = rows.filter((r) => r.topic === topic).map((r) => ({ partition: r.partition, offset: r.next.toString() }));
      await admin.setOffsets({ groupId: request.groupId, topic, partitions });
    }
  }
  return { groupId: request.groupId, executed: request.execute, partitions: rows };
}
