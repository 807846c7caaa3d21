import type { Span } from '@opentelemetry/api';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { classifyFailure, errorClass, errorCode, errorMessage, FailureKind } from '../errors/failure-classifier';
import { decideFailure, FailureAction } from '../failure/failure-decision';
import { RuntimeEvent, SkipReason, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { retryDelayMs } from '../retry/retry-policy';
import { AttemptEvent, traceDeadLetterWrite } from '../tracing/dead-letter-span';
import { takeFailedAttempt } from '../tracing/failed-attempts';
import type { ConsumedRecord } from '../kafka/consumed-record';
import type { HandlerInvocation } from './handler-interceptor';
import type { HeartbeatKeeper } from './heartbeat-keeper';
import type { RecordDecoder } from './record-decoder';
import { redriveForOtherGroup } from './redrive-audience';
import type { ResolvedRoute, RouteTable } from './route-table';

/** How one attempt at one record ended. */
export type RecordOutcome =
  /** Finished: handled, dead-lettered or not for this group (no route, redriven for another). Its offset may be committed. */
  | { readonly kind: 'finished'; readonly how: 'handled' | 'dead-lettered' | 'skipped' }
  /** Not finished: try the same record again after the delay. */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly nextAttempt: number }
  /** Not finished and nothing may skip it: stop consuming. */
  | { readonly kind: 'stop'; readonly error: unknown };

const Stage = { Decode: 'decode', Handle: 'handle' } as const;
type Stage = (typeof Stage)[keyof typeof Stage];

// Module constant: read per record, and an imported binding is a getter call in CommonJS output.
const RECORD_PROCESSED = RuntimeEvent.RecordProcessed;
const forOtherGroup = redriveForOtherGroup;
// Shared: a finished record allocates no outcome.
const HANDLED: RecordOutcome = { kind: 'finished', how: 'handled' };
const SKIPPED: RecordOutcome = { kind: 'finished', how: 'skipped' };

/** A promise or any other thenable (a handler may return one); plain values are not awaited. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Executes one attempt at one record: check that it is this group's, find its route, decode
 * it, run the handler, and on failure carry out the decision (retry, dead-letter, stop). It
 * never throws; every path ends in a RecordOutcome. This is the one place a record is decided,
 * for every strategy: what it returns as finished is what the offset tracker may commit.
 *
 * The outcome is returned synchronously when nothing had to wait: the decoder knew the
 * writer schema and the handler returned a plain value. That is the common case of a busy
 * consumer, and not allocating a promise (nor waiting a microtask turn) per record is most of
 * the runner's cost there. Anything that returns a promise is awaited as before.
 */
export class RecordExecutor {
  constructor(
    private readonly groupId: string,
    private readonly routes: RouteTable,
    private readonly decoder: RecordDecoder,
    private readonly deadLetters: DeadLetterWriter,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  execute(topic: string, partition: number, message: ConsumedRecord, attempt: number, heartbeats: HeartbeatKeeper): RecordOutcome | Promise<RecordOutcome> {
    // Before anything reads the record: a record redriven for another group is finished here
    // whatever its bytes, so it needs no registry and can be neither poison nor dead-lettered
    // by a group it was never meant for.
    const forGroup = forOtherGroup(message.headers, this.groupId);
    if (forGroup !== undefined) {
      this.instrumentation.emit(RuntimeEvent.RecordSkipped, { groupId: this.groupId, topic, partition, offset: message.offset, reason: SkipReason.RedriveForOtherGroup, forGroup });
      return SKIPPED;
    }
    // Timed only when someone listens to the result: the clock read is per record.
    const started = this.instrumentation.listens(RECORD_PROCESSED) ? performance.now() : -1;
    let route: ResolvedRoute | undefined;
    let eventType: string | undefined;
    let event: unknown;
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
          reason: SkipReason.NoRoute,
        });
        return SKIPPED;
      }
      event = this.decoder.decode(topic, message, eventType);
    } catch (error) {
      return this.onFailure(topic, partition, message, attempt, route ?? this.routes.fallback(topic), eventType, Stage.Decode, error);
    }
    if (isThenable(event)) return this.handleDecoded(topic, partition, message, attempt, heartbeats, route, eventType, event, started);
    return this.handle(topic, partition, message, attempt, heartbeats, route, eventType, event, started);
  }

  /** The decoder had to wait (first record of a writer schema: a registry lookup). */
  private async handleDecoded(
    topic: string,
    partition: number,
    message: ConsumedRecord,
    attempt: number,
    heartbeats: HeartbeatKeeper,
    route: ResolvedRoute,
    eventType: string,
    decoding: PromiseLike<unknown>,
    started: number,
  ): Promise<RecordOutcome> {
    let event: unknown;
    try {
      event = await decoding;
    } catch (error) {
      return this.onFailure(topic, partition, message, attempt, route, eventType, Stage.Decode, error);
    }
    return this.handle(topic, partition, message, attempt, heartbeats, route, eventType, event, started);
  }

  private handle(
    topic: string,
    partition: number,
    message: ConsumedRecord,
    attempt: number,
    heartbeats: HeartbeatKeeper,
    route: ResolvedRoute,
    eventType: string,
    event: unknown,
    started: number,
  ): RecordOutcome | Promise<RecordOutcome> {
    // The handler's context and the interceptors' invocation in one object: one allocation per record.
    const context: HandlerInvocation = {
      groupId: this.groupId,
      topic,
      partition,
      offset: message.offset,
      key: message.key ?? null,
      headers: message.headers ?? {},
      timestamp: message.timestamp,
      eventType,
      eventId: this.decoder.eventId(message),
      attempt,
      event,
      route: route.name,
    };
    const intercepted = route.intercepted;
    let result: unknown;
    try {
      result = intercepted === undefined ? route.handler(event, context) : intercepted(context);
    } catch (error) {
      return this.onFailure(topic, partition, message, attempt, route, eventType, Stage.Handle, error);
    }
    if (isThenable(result)) return this.awaitHandler(topic, partition, message, attempt, heartbeats, route, eventType, result, started);
    return this.processed(topic, partition, message, attempt, eventType, started);
  }

  /** An async handler: heartbeats keep the membership while it runs (see HeartbeatKeeper). */
  private async awaitHandler(
    topic: string,
    partition: number,
    message: ConsumedRecord,
    attempt: number,
    heartbeats: HeartbeatKeeper,
    route: ResolvedRoute,
    eventType: string,
    running: PromiseLike<unknown>,
    started: number,
  ): Promise<RecordOutcome> {
    heartbeats.enter();
    try {
      await running;
    } catch (error) {
      heartbeats.leave();
      return this.onFailure(topic, partition, message, attempt, route, eventType, Stage.Handle, error);
    }
    heartbeats.leave();
    return this.processed(topic, partition, message, attempt, eventType, started);
  }

  private processed(topic: string, partition: number, message: ConsumedRecord, attempt: number, eventType: string, started: number): RecordOutcome {
    if (started >= 0) {
      this.instrumentation.emit(RECORD_PROCESSED, {
        groupId: this.groupId,
        topic,
        partition,
        offset: message.offset,
        eventType,
        attempt,
        durationMs: performance.now() - started,
      });
    }
    return HANDLED;
  }

  private async onFailure(
    topic: string,
    partition: number,
    message: ConsumedRecord,
    attempt: number,
    route: ResolvedRoute,
    eventType: string | undefined,
    stage: Stage,
    error: unknown,
  ): Promise<RecordOutcome> {
    const kind = classifyFailure(error);
    // The failed attempt's span, when tracing is on: open until what follows is decided here.
    const attemptSpan = takeFailedAttempt(error);
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
      return this.retry(topic, partition, message, retryDelayMs(route.retry, Math.min(attempt + 1, 10)), attempt + 1, attemptSpan);
    }
    const decision = decideFailure(kind, attempt, route.retry, route.deadLetterTopic !== undefined);
    switch (decision.action) {
      case FailureAction.Retry:
        return this.retry(topic, partition, message, decision.delayMs, decision.nextAttempt, attemptSpan);
      case FailureAction.Stop:
        attemptSpan?.addEvent(AttemptEvent.ConsumerStopped);
        attemptSpan?.end();
        return { kind: 'stop', error };
      case FailureAction.DeadLetter:
        return this.deadLetter(topic, partition, message, attempt, route, error, attemptSpan);
    }
  }

  private retry(topic: string, partition: number, message: ConsumedRecord, delayMs: number, nextAttempt: number, attemptSpan?: Span): RecordOutcome {
    this.instrumentation.emit(RuntimeEvent.RecordRetryScheduled, { groupId: this.groupId, topic, partition, offset: message.offset, attempt: nextAttempt, delayMs });
    if (attemptSpan !== undefined) {
      attemptSpan.addEvent(AttemptEvent.RetryScheduled, { 'eventline.retry.delay_ms': delayMs, 'eventline.retry.next_attempt': nextAttempt });
      attemptSpan.end();
    }
    return { kind: 'retry', delayMs, nextAttempt };
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: ConsumedRecord,
    attempt: number,
    route: ResolvedRoute,
    error: unknown,
    attemptSpan: Span | undefined,
  ): Promise<RecordOutcome> {
    const deadLetterTopic = route.deadLetterTopic!;
    if (attemptSpan !== undefined) {
      attemptSpan.addEvent(AttemptEvent.DeadLettered, { 'eventline.dead_letter.topic': deadLetterTopic });
      attemptSpan.end();
    }
    const spanInfo = {
      deadLetterTopic,
      sourceTopic: topic,
      sourcePartition: partition,
      sourceOffset: message.offset,
      groupId: this.groupId,
      errorCode: errorCode(error),
      eventId: this.decoder.eventId(message),
    };
    try {
      await traceDeadLetterWrite(spanInfo, message.headers, attemptSpan, () =>
        this.deadLetters.write(
          deadLetterTopic,
          { key: message.key ?? null, value: message.value, headers: message.headers, timestamp: message.timestamp },
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
        ),
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
