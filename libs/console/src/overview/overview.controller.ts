import { Controller, Get, Inject } from '@nestjs/common';
import type { Overview } from '../api/console-api.types';
import { ClusterSampler, isDeadLetterTopic } from './cluster-sampler';
import { heldRecords, totalLag } from './cluster-snapshot';

export const sourceTopicOf = (dlqTopic: string) => dlqTopic.replace(/\.dlq$/, '');

@Controller('api/overview')
export class OverviewController {
  constructor(@Inject(ClusterSampler) private readonly sampler: ClusterSampler) {}

  @Get()
  async overview(): Promise<Overview> {
    const snapshot = await this.sampler.snapshot();
    return {
      asOf: new Date(snapshot.at).toISOString(),
      topics: snapshot.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.length,
        records: heldRecords(t).toString(),
        deadLetterTopic: isDeadLetterTopic(t.name),
      })),
      groups: snapshot.groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members, totalLag: totalLag(g)?.toString() ?? null })),
      deadLetters: snapshot.topics
        .filter((t) => isDeadLetterTopic(t.name))
        .map((t) => ({
          topic: t.name,
          sourceTopic: sourceTopicOf(t.name),
          count: heldRecords(t).toString(),
          trend: this.sampler.deadLetterTrend(t.name).map((s) => ({ at: new Date(s.at).toISOString(), count: s.value.toString() })),
        })),
    };
  }
}
