import { AssignerProtocol, type Admin } from 'kafkajs';
import { didYouMean } from '../errors/did-you-mean';
import { fetchWatermarks } from '../topics/topic-offsets';
import { OpsError, OpsErrorCode } from '../errors/ops.error';

export interface GroupMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly host: string;
  /** topic → partitions, decoded from the consumer protocol's assignment. */
  readonly assignment: Readonly<Record<string, readonly number[]>>;
}

export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  /** Undefined when the group never committed for this partition. */
  readonly committed?: bigint;
  readonly latest: bigint;
  /** latest − committed; undefined without a commit. */
  readonly lag?: bigint;
  readonly owner?: string;
}

export interface GroupDescription {
  readonly groupId: string;
  readonly state: string;
  readonly protocol: string;
  readonly members: readonly GroupMember[];
  readonly offsets: readonly CommittedOffset[];
}

interface GroupListing {
  readonly groupId: string;
  readonly protocolType: string;
}

export interface GroupSummary extends GroupListing {
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead. */
  readonly state: string;
  readonly members: number;
}

async function listGroups(admin: Admin): Promise<GroupListing[]> {
  const { groups } = await admin.listGroups();
  return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })).sort((a, b) => a.groupId.localeCompare(b.groupId));
}

/** Every group with its state and member count: one DescribeGroups request for all of them. */
export async function summarizeGroups(admin: Admin): Promise<GroupSummary[]> {
  const listed = await listGroups(admin);
  if (listed.length === 0) return [];
  const { groups } = await admin.describeGroups(listed.map((g) => g.groupId));
  const described = new Map(groups.map((g) => [g.groupId, g]));
  return listed.map((g) => ({ ...g, state: described.get(g.groupId)?.state ?? 'Unknown', members: described.get(g.groupId)?.members.length ?? 0 }));
}

/** A group the coordinator does not list is unknown: resetting it would create it, which is never what a typo wants. */
export async function assertGroupExists(admin: Admin, groupId: string): Promise<void> {
  const groups = await listGroups(admin);
  if (!groups.some((g) => g.groupId === groupId)) {
    throw new OpsError(OpsErrorCode.UnknownGroup, `consumer group ${groupId} does not exist${didYouMean(groupId, groups.map((g) => g.groupId))}`);
  }
}

export async function describeMembers(admin: Admin, groupId: string): Promise<{ state: string; protocol: string; members: GroupMember[] }> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  return {
    state: group.state,
    protocol: group.protocol,
    members: group.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      assignment: decodeAssignment(m.memberAssignment),
    })),
  };
}

function decodeAssignment(buffer: Buffer): Record<string, number[]> {
  if (buffer.length === 0) return {};
  try {
    return AssignerProtocol.MemberAssignment.decode(buffer)?.assignment ?? {};
  } catch {
    // Not the consumer protocol (e.g. Connect); show members without their partitions.
    return {};
  }
}

/** Committed offsets of every topic the group committed for (or only `topics`), with lag. */
export async function committedOffsets(admin: Admin, groupId: string, members: readonly GroupMember[], topics?: readonly string[]): Promise<CommittedOffset[]> {
  const fetched = await admin.fetchOffsets({ groupId, topics: topics ? [...topics] : undefined });
  const owners = new Map<string, string>();
  for (const m of members) for (const [topic, partitions] of Object.entries(m.assignment)) for (const p of partitions) owners.set(`${topic}:${p}`, m.clientId);
  const rows: CommittedOffset[] = [];
  for (const { topic, partitions } of fetched) {
    const latest = new Map((await fetchWatermarks(admin, topic)).map((w) => [w.partition, w.high]));
    for (const p of partitions) {
      const committed = BigInt(p.offset) >= 0n ? BigInt(p.offset) : undefined;
      const high = latest.get(p.partition) ?? 0n;
      rows.push({
        topic,
        partition: p.partition,
        committed,
        latest: high,
        lag: committed === undefined ? undefined : high - committed,
        owner: owners.get(`${topic}:${p.partition}`),
      });
    }
  }
  return rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export async function describeGroup(admin: Admin, groupId: string): Promise<GroupDescription> {
  await assertGroupExists(admin, groupId);
  const { state, protocol, members } = await describeMembers(admin, groupId);
  return { groupId, state, protocol, members, offsets: await committedOffsets(admin, groupId, members) };
}

export function memberLabel(member: GroupMember): string {
  return `${member.clientId} (${member.memberId}) on ${member.host}`;
}
