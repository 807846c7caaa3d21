import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import { readDeadLetter, readDeadLetterPage, readRecordAt } from '@eventline/ops';
import type { DeadLetterDetail, DeadLetterPage, DeadLetterTopicView } from '../api/console-api.types';
import { CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import { CONSOLE_CODEC } from '../cluster/cluster.module';
import { notFound } from '../errors/console.error';
import { oneValue, optionalInt, optionalOffset, requiredInt } from '../http/query-params';
import { ClusterSampler, isDeadLetterTopic } from '../overview/cluster-sampler';
import { heldRecords } from '../overview/cluster-snapshot';
import { sourceTopicOf } from '../overview/overview.controller';
import { recordAnswer } from '../records/record-answer';
import { deadLetterFilter } from './dead-letter-query';
import { deadLetterDetail, deadLetterSummary } from './dead-letter-summary';
import { RedrivenIndex } from './redriven-index';

/** Reading dead letters: every signed-in user. Redrive is in RedriveController (operators). */
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(ClusterSampler) private readonly sampler: ClusterSampler,
    @Inject(CONSOLE_KAFKA) private readonly kafka: Kafka,
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(CONSOLE_CODEC) private readonly codec: AvroCodec,
    @Inject(RedrivenIndex) private readonly redriven: RedrivenIndex,
  ) {}

  @Get()
  async topics(): Promise<DeadLetterTopicView[]> {
    const snapshot = await this.sampler.snapshot();
    return snapshot.topics
      .filter((t) => isDeadLetterTopic(t.name))
      .map((t) => ({ topic: t.name, sourceTopic: sourceTopicOf(t.name), partitions: t.partitions.length, count: heldRecords(t).toString() }));
  }

  @Get(':topic/records')
  async page(@Param('topic') topic: string, @Query() query: Record<string, unknown>): Promise<DeadLetterPage> {
    const filter = deadLetterFilter(query, Date.now());
    const page = await readDeadLetterPage(this.kafka, this.admin, {
      dlqTopic: topic,
      filter,
      cursor: oneValue('cursor', query.cursor),
      limit: optionalInt('limit', query.limit, { min: 1, max: 200 }),
    });
    const redriven = await this.redriven.of(topic);
    return {
      topic,
      records: page.entries.map((e) => deadLetterSummary(e.partition, e.message, e.reading, redriven(e.partition, e.message.offset))),
      nextCursor: page.nextCursor,
      scanned: page.scanned,
      partial: page.partial,
    };
  }

  @Get(':topic/records/:partition/:offset')
  async detail(@Param('topic') topic: string, @Param('partition') partitionText: string, @Param('offset') offsetText: string): Promise<DeadLetterDetail> {
    const partition = requiredInt('partition', partitionText, { min: 0, max: 1_000_000 });
    const offset = optionalOffset('offset', offsetText) as bigint;
    const message = await readRecordAt(this.kafka, this.admin, topic, partition, offset);
    if (!message) throw notFound(`${topic} has no record at partition ${partition}, offset ${offset} (never written, or removed by retention)`, { partition, offset: offset.toString() });
    const reading = readDeadLetter(message);
    const redriven = await this.redriven.of(topic);
    const summary = deadLetterSummary(partition, message, reading, redriven(partition, message.offset));
    return { record: await recordAnswer(topic, partition, message, this.codec), deadLetter: deadLetterDetail(summary, reading) };
  }
}
