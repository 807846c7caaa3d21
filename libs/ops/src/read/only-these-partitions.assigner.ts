import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * A partition assigner that gives this (sole) member exactly the partitions asked for. kafkajs
 * 2.x has no `assign()`; a throwaway group whose assignor we write ourselves is the closest
 * thing to a group-less manual assignment that stays on kafkajs's public API.
 */
export function onlyThesePartitions(topic: string, partitions: readonly number[]): PartitionAssigner {
  return () => ({
    name: 'EventlineCliManualAssigner',
    version: 1,
    protocol: ({ topics }) => ({
      name: 'EventlineCliManualAssigner',
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
    }),
    assign: async ({ members }) =>
      members.map((member, i) => ({
        memberId: member.memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 1,
          // The group is ours alone; should a second member ever appear, it gets nothing.
          assignment: i === 0 ? { [topic]: [...partitions] } : {},
          userData: Buffer.alloc(0),
        }),
      })),
  });
}
