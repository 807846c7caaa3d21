import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import { readPartitionPage } from '@eventline/ops';
import type { TopicRecordsPage, TopicView } from '../api/console-api.types';
import { CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import { CONSOLE_CODEC } from '../cluster/cluster.module';
import { badRequest } from '../errors/console.error';
import { oneValue, optionalInt, optionalOffset, optionalTime, requiredInt } from '../http/query-params';
import { ClusterSampler } from '../overview/cluster-sampler';
import { recordAnswer } from '../records/record-answer';

/** The explorer: read-only, one bounded page per request. */
@Controller('api/topics')
export class TopicsController {
  constructor(
    @Inject(ClusterSampler) private readonly sampler: ClusterSampler,
    @Inject(CONSOLE_KAFKA) private readonly kafka: Kafka,
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(CONSOLE_CODEC) private readonly codec: AvroCodec,
  ) {}

  @Get()
  async topics(): Promise<TopicView[]> {
    const snapshot = await this.sampler.snapshot();
    return snapshot.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partition: p.partition, earliest: p.low.toString(), latest: p.high.toString() })),
    }));
  }

  @Get(':topic/records')
  async records(@Param('topic') topic: string, @Query() query: Record<string, unknown>): Promise<TopicRecordsPage> {
    const fromOffset = optionalOffset('fromOffset', query.fromOffset);
    const fromTime = optionalTime('fromTime', query.fromTime, Date.now());
    if (fromOffset !== undefined && fromTime !== undefined) throw badRequest('fromTime', 'give fromOffset or fromTime, not both');
    const headerText = oneValue('header', query.header);
    let header: { name: string; value: string } | undefined;
    if (headerText !== undefined) {
      const at = headerText.indexOf('=');
      if (at <= 0) throw badRequest('header', `header must be name=value, not "${headerText}"`);
      header = { name: headerText.slice(0, at), value: headerText.slice(at + 1) };
    }
    const partition = requiredInt('partition', query.partition, { min: 0, max: 1_000_000 });
    const page = await readPartitionPage(this.kafka, this.admin, {
      topic,
      partition,
      fromOffset,
      fromTime,
      key: oneValue('key', query.key),
      eventType: oneValue('eventType', query.eventType),
      header,
      limit: optionalInt('limit', query.limit, { min: 1, max: 200 }),
    });
    return {
      topic,
      partition,
      records: await Promise.all(page.messages.map((m) => recordAnswer(topic, partition, m, this.codec))),
      nextOffset: page.nextOffset?.toString() ?? null,
      scanned: page.scanned,
    };
  }
}
