import type { KafkaMessage } from 'kafkajs';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { classifyFailure, errorClass, errorCode, errorMessage, FailureKind } from '../errors/failure-classifier';
import { decideFailure, FailureAction } from '../failure/failure-decision';
import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { retryDelayMs } from '../retry/retry-policy';
import type { EventContext } from './event-route';
import type { HeartbeatKeeper } from './heartbeat-keeper';
import type { RecordDecoder } from './record-decoder';
import type { ResolvedRoute, RouteTable } from './route-table';

/** How one attempt at one record ended. */
export type RecordOutcome =
  /** Finished: handled, dead-lettered or not for this group. Its offset may be committed. */
  | { readonly kind: 'finished'; readonly how: 'handled' | 'dead-lettered' | 'skipped' }
  /** Not finished: try the same record again after the delay. */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly nextAttempt: number }
  /** Not finished and nothing may skip it: stop consuming. */
  | { readonly kind: 'stop'; readonly error: unknown };

const Stage = { Decode: 'decode', Handle: 'handle' } as const;
type Stage = (typeof Stage)[keyof typeof Stage];

class StageFailure {
  constructor(
    readonly stage: Stage,
    readonly error: unknown,
  ) {}
}

/**
 * Executes one attempt at one record: find its route, decode it, run the handler, and on
 * failure carry out the decision (retry, dead-letter, stop). It never throws; every path
 * ends in a RecordOutcome.
 */
export class RecordExecutor {
  constructor(
    private readonly groupId: string,
    private readonly routes: RouteTable,
    private readonly decoder: RecordDecoder,
    private readonly deadLetters: DeadLetterWriter,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  async execute(topic: string, partition: number, message: KafkaMessage, attempt: number, heartbeats: HeartbeatKeeper): Promise<RecordOutcome> {
    const started = performance.now();
    let route: ResolvedRoute | undefined;
    let eventType: string | undefined;
    try {
      try {
        eventType = this.decoder.eventType(topic, message);
        route = this.routes.find(topic, eventType);
        if (!route) {
          this.instrumentation.emit(RuntimeEvent.RecordSkipped, {
            groupId: this.groupId,
            topic,
            partition,
            offset: message.offset,
            eventType,
            reason: 'no route in this group',
          });
          return { kind: 'finished', how: 'skipped' };
        }
      } catch (error) {
        throw new StageFailure(Stage.Decode, error);
      }
      let event: unknown;
      try {
        event = await this.decoder.decode(topic, message, eventType);
      } catch (error) {
        throw new StageFailure(Stage.Decode, error);
      }
      const context: EventContext = {
        groupId: this.groupId,
        topic,
        partition,
        offset: message.offset,
        key: message.key,
        headers: message.headers ?? {},
        timestamp: message.timestamp,
        eventType,
        eventId: this.decoder.eventId(message),
        attempt,
      };
      const handler = route.handler;
      try {
        await heartbeats.around(async () => handler(event, context));
      } catch (error) {
        throw new StageFailure(Stage.Handle, error);
      }
      this.instrumentation.emit(RuntimeEvent.RecordProcessed, {
        groupId: this.groupId,
        topic,
        partition,
        offset: message.offset,
        eventType,
        attempt,
        durationMs: performance.now() - started,
      });
      return { kind: 'finished', how: 'handled' };
    } catch (failure) {
      const { stage, error } = failure instanceof StageFailure ? failure : new StageFailure(Stage.Handle, failure);
      return this.onFailure(topic, partition, message, attempt, route ?? this.routes.fallback(topic), eventType, stage, error);
    }
  }

  private async onFailure(
    topic: string,
    partition: number,
    message: KafkaMessage,
    attempt: number,
    route: ResolvedRoute,
    eventType: string | undefined,
    stage: Stage,
    error: unknown,
  ): Promise<RecordOutcome> {
    const kind = classifyFailure(error);
    this.instrumentation.emit(RuntimeEvent.RecordFailed, {
      groupId: this.groupId,
      topic,
      partition,
      offset: message.offset,
      eventType,
      attempt,
      errorCode: errorCode(error),
      errorClass: errorClass(error),
    });
    // A retriable failure while decoding is the infrastructure's (the registry is away), not
    // the record's: it is retried without limit and never dead-lettered.
    if (stage === Stage.Decode && kind === FailureKind.Retriable) {
      return this.retry(topic, partition, message, retryDelayMs(route.retry, Math.min(attempt + 1, 10)), attempt + 1);
    }
    const decision = decideFailure(kind, attempt, route.retry, route.deadLetterTopic !== undefined);
    switch (decision.action) {
      case FailureAction.Retry:
        return this.retry(topic, partition, message, decision.delayMs, decision.nextAttempt);
      case FailureAction.Stop:
        return { kind: 'stop', error };
      case FailureAction.DeadLetter:
        return this.deadLetter(topic, partition, message, attempt, route, error);
    }
  }

  private retry(topic: string, partition: number, message: KafkaMessage, delayMs: number, nextAttempt: number): RecordOutcome {
    this.instrumentation.emit(RuntimeEvent.RecordRetryScheduled, { groupId: this.groupId, topic, partition, offset: message.offset, attempt: nextAttempt, delayMs });
    return { kind: 'retry', delayMs, nextAttempt };
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    attempt: number,
    route: ResolvedRoute,
    error: unknown,
  ): Promise<RecordOutcome> {
    const deadLetterTopic = route.deadLetterTopic!;
    try {
      await this.deadLetters.write(
        deadLetterTopic,
        { key: message.key, value: message.value, headers: message.headers, timestamp: message.timestamp },
        {
          sourceTopic: topic,
          sourcePartition: partition,
          sourceOffset: message.offset,
          sourceTimestamp: message.timestamp,
          consumerGroup: this.groupId,
          attempts: attempt,
          errorClass: errorClass(error),
          errorCode: errorCode(error),
          errorMessage: errorMessage(error),
          errorStack: error instanceof Error ? error.stack : undefined,
          failedAt: new Date().toISOString(),
        },
      );
    } catch (writeError) {
      // Nothing is committed for this record; the partition retries it (dead-lettering again).
      this.instrumentation.emit(RuntimeEvent.DeadLetterFailed, {
        groupId: this.groupId,
        topic,
        partition,
        offset: message.offset,
        deadLetterTopic,
        error: errorMessage(writeError),
      });
      return this.retry(topic, partition, message, retryDelayMs(route.retry, Math.min(attempt + 1, 10)), attempt);
    }
    this.instrumentation.emit(RuntimeEvent.RecordDeadLettered, {
      groupId: this.groupId,
      topic,
      partition,
      offset: message.offset,
      deadLetterTopic,
      errorCode: errorCode(error),
      attempts: attempt,
    });
    return { kind: 'finished', how: 'dead-lettered' };
  }
}
