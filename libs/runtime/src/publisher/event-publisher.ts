import { randomUUID } from 'node:crypto';
import type { AvroEncoder } from '@eventline/codec';
import { EventCatalog, isEventType, type EventPayload, type EventType } from '@eventline/contracts';
import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { composeInterceptors, type Terminal } from '../interceptors/interceptor';
import type { EventSenderPort, SendOutcome } from '../kafka/kafka-client.port';
import { CoalescingQueue, type QueueSlot } from './coalescing-queue';
import { EventEncoders } from './event-encoders';
import { resolvePublisherOptions, type EventPublisherOptions, type ResolvedPublisherOptions } from './event-publisher.options';
import { buildOutgoingRecord, type OutgoingRecord } from './outgoing-record';
import { PublishError, PublishErrorCode } from './publish.error';
import { GroupWaiter, SingleWaiter, type PublishWaiter } from './publish-waiter';
import type { PublishInvocation } from './publish-interceptor';
import type { OutgoingEvent, PublishOptions, PublishReceipt } from './publish.types';

const PublisherState = {
  Idle: 'idle',
  Connecting: 'connecting',
  Connected: 'connected',
  Closing: 'closing',
  Closed: 'closed',
} as const;
type PublisherState = (typeof PublisherState)[keyof typeof PublisherState];

/** A record waiting in the queue with the caller that waits for it (its place `index` in that call). */
interface QueuedPublish {
  readonly record: OutgoingRecord;
  readonly waiter: PublishWaiter;
  readonly index: number;
}

/**
 * Publishes catalog events: validates and encodes each payload with the codec, keys it by
 * the catalog's key field, adds the CloudEvents headers, and coalesces concurrent
 * publishes into one idempotent `sendBatch`. A publish resolves with where Kafka stored the
 * event, and only once Kafka acknowledged that partition; it rejects with a `PublishError`.
 *
 * Interceptors (`interceptors` option) run around each publish, from the call to the
 * acknowledgement; with none, a publish takes the direct path.
 *
 *   const publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/eventline/orders-service' });
 *   await publisher.connect();
 *   await publisher.publish('dev.eventline.orders.OrderPaid', payment);
 *   await publisher.disconnect(); // flushes first
 */
export class EventPublisher {
  private readonly settings: ResolvedPublisherOptions;
  private readonly encoders: EventEncoders;
  private readonly sender: EventSenderPort;
  private readonly intercepted?: Terminal<PublishInvocation>;
  /** The send an intercepted publish's `next` started, so the publish settles with it even when an interceptor did not wait for `next`. */
  private readonly sending = new WeakMap<PublishInvocation, Promise<void>>();
  private readonly queue: CoalescingQueue<QueuedPublish>;
  private readonly instrumentation?: RuntimeInstrumentation;
  private readonly newId: () => string;
  private state: PublisherState = PublisherState.Idle;
  private connecting?: Promise<void>;
  private closing?: Promise<void>;

  constructor(options: EventPublisherOptions) {
    this.settings = resolvePublisherOptions(options);
    this.instrumentation = options.instrumentation;
    this.newId = options.newId ?? randomUUID;
    this.encoders = new EventEncoders(options.codec, this.settings.subjectStrategy);
    this.sender = options.client.eventSender({
      compression: this.settings.compression,
      ackTimeoutMs: this.settings.ackTimeoutMs,
      resend: this.settings.resend,
      maxInFlightRequests: this.settings.maxInFlightRequests,
      producerRetries: this.settings.producerRetries,
    });
    if (this.settings.interceptors.length > 0) {
      this.intercepted = composeInterceptors<PublishInvocation>(this.settings.interceptors, (invocation) => {
        const sending = this.publishDirect(invocation.eventType, invocation.payload as never, invocationOptions(invocation)).then((receipt) => {
          invocation.receipt = receipt;
        });
        this.sending.set(invocation, sending);
        return sending;
      });
    }
    this.queue = new CoalescingQueue(
      { lingerMs: this.settings.lingerMs, maxCount: this.settings.maxBatchCount, maxBytes: this.settings.maxBatchBytes },
      (batch) => this.sendBatch(batch),
    );
  }

  /** Whether publishes are accepted right now (for health checks). */
  get connected(): boolean {
    return this.state === PublisherState.Connected;
  }

  async connect(): Promise<void> {
    if (this.state === PublisherState.Connected) return;
    if (this.state === PublisherState.Closing || this.state === PublisherState.Closed) {
      throw new PublishError(PublishErrorCode.Closed, 'the publisher was disconnected; create a new one');
    }
    this.connecting ??= (async () => {
      this.state = PublisherState.Connecting;
      try {
        await this.sender.connect();
        this.state = PublisherState.Connected;
      } catch (error) {
        this.state = PublisherState.Idle;
        throw new PublishError(PublishErrorCode.BrokerUnavailable, `could not connect to Kafka: ${(error as Error).message}`, { cause: error });
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  publish<T extends EventType>(type: T, payload: EventPayload<T>, options?: PublishOptions): Promise<PublishReceipt> {
    const intercepted = this.intercepted;
    if (intercepted === undefined) return this.publishDirect(type, payload, options);
    const refusal = this.refusal(type);
    if (refusal) return this.failEarly(type, refusal);
    const invocation = this.invocation(type, payload, options);
    return Promise.resolve()
      .then(() => intercepted(invocation))
      .then(async () => {
        const sending = this.sending.get(invocation);
        if (sending === undefined) throw notPublished(type);
        await sending;
        return invocation.receipt as PublishReceipt;
      });
  }

  private publishDirect<T extends EventType>(type: T, payload: EventPayload<T>, options?: PublishOptions): Promise<PublishReceipt> {
    const refusal = this.refusal(type);
    if (refusal) return this.failEarly(type, refusal);
    const slot = this.queue.reserve();
    return new Promise<PublishReceipt>((resolve, reject) => {
      const waiter = new SingleWaiter(resolve, reject);
      const encoder = this.encoders.get(type);
      if (encoder instanceof Promise) {
        encoder.then(
          (ready) => this.fill(slot, type, payload, options, ready, waiter),
          (error: PublishError) => this.dropped(slot, type, error, waiter),
        );
      } else {
        this.fill(slot, type, payload, options, encoder, waiter);
      }
    });
  }

  /**
   * Publishes several events together, in the given order. Validation is all or nothing: if
   * one payload is invalid, none is sent. Sending is per partition: once every event was
   * acknowledged or failed, the call resolves with the receipts in the given order, or
   * rejects with the first failure; events of other partitions may have been published.
   */
  publishMany(events: readonly OutgoingEvent[]): Promise<PublishReceipt[]> {
    return this.intercepted === undefined ? this.publishManyDirect(events) : this.publishManyIntercepted(events);
  }

  /**
   * Each event through the interceptors; the events whose interceptors called `next` are then
   * sent together, as publishMany sends (an interceptor that fails before `next` sends none).
   */
  private async publishManyIntercepted(events: readonly OutgoingEvent[]): Promise<PublishReceipt[]> {
    for (const event of events) {
      const refusal = this.refusal(event.type);
      if (refusal) return this.failEarly(event.type, refusal);
    }
    const invocations = events.map((event) => this.invocation(event.type, event.payload, event.options));
    const entered = new Set<PublishInvocation>();
    let arrived = 0;
    let failedBeforeSend: unknown;
    let send!: (receipts: Promise<ReadonlyMap<PublishInvocation, PublishReceipt>>) => void;
    const sent = new Promise<ReadonlyMap<PublishInvocation, PublishReceipt>>((resolve) => (send = resolve));
    const arrive = () => {
      if (++arrived < invocations.length) return;
      if (failedBeforeSend !== undefined) return send(Promise.reject(failedBeforeSend));
      const going = invocations.filter((invocation) => entered.has(invocation));
      send(
        this.publishManyDirect(going.map((i) => ({ type: i.eventType, payload: i.payload, options: invocationOptions(i) }) as OutgoingEvent)).then(
          (receipts) => new Map(going.map((invocation, k) => [invocation, receipts[k]])),
        ),
      );
    };
    const chains = invocations.map((invocation) => {
      const chain = composeInterceptors<PublishInvocation>(this.settings.interceptors, (inv) => {
        entered.add(inv);
        arrive();
        return sent.then((receipts) => {
          inv.receipt = receipts.get(inv);
        });
      });
      return Promise.resolve()
        .then(() => chain(invocation))
        .then(
          () => {
            if (!entered.has(invocation)) arrive();
          },
          (error: unknown) => {
            if (!entered.has(invocation)) {
              failedBeforeSend ??= error;
              arrive();
            }
            throw error;
          },
        );
    });
    await Promise.all(chains);
    // An interceptor may have returned without waiting for its `next`: the send still decides.
    if (entered.size > 0) await sent;
    return invocations.map((invocation) => invocation.receipt ?? (() => { throw notPublished(invocation.eventType); })());
  }

  private async publishManyDirect(events: readonly OutgoingEvent[]): Promise<PublishReceipt[]> {
    for (const event of events) {
      const refusal = this.refusal(event.type);
      if (refusal) return this.failEarly(event.type, refusal);
    }
    // Every slot is reserved before the first await, so the events stay together and in order.
    const slots = events.map(() => this.queue.reserve());
    let records: OutgoingRecord[];
    try {
      const encoders = await Promise.all(events.map((event) => this.encoders.get(event.type)));
      records = events.map((event, i) => this.build(event.type, event.payload, event.options, encoders[i]));
    } catch (error) {
      for (const slot of slots) slot.drop();
      const failure = error as PublishError;
      this.emitFailed(failure.eventType ? this.settings.topicOf(failure.eventType as EventType) : '', events.length, failure);
      throw failure;
    }
    const waiter = new GroupWaiter(records.length);
    this.queue.together(() => {
      for (let i = 0; i < records.length; i++) slots[i].fill({ record: records[i], waiter, index: i }, records[i].size);
    });
    return waiter.all;
  }

  /** Resolves once every publish started before this call was acknowledged or failed. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Stops accepting publishes, flushes what is pending, then closes the Kafka clients. */
  disconnect(): Promise<void> {
    this.closing ??= (async () => {
      const wasConnected = this.state === PublisherState.Connected || this.state === PublisherState.Connecting;
      this.state = PublisherState.Closing;
      await this.connecting?.catch(() => undefined);
      try {
        await this.queue.flush();
      } finally {
        if (wasConnected) await this.sender.disconnect();
        this.state = PublisherState.Closed;
      }
    })();
    return this.closing;
  }

  private refusal(type: string): PublishError | undefined {
    if (this.state === PublisherState.Closing || this.state === PublisherState.Closed) {
      return new PublishError(PublishErrorCode.Closed, `cannot publish ${type}: the publisher is disconnecting or disconnected`, { eventType: type });
    }
    if (this.state !== PublisherState.Connected) {
      return new PublishError(PublishErrorCode.NotConnected, `cannot publish ${type}: call connect() first`, { eventType: type });
    }
    if (!isEventType(type)) {
      return new PublishError(PublishErrorCode.UnknownEventType, `${type} is not in the event catalog`, { eventType: type });
    }
    return undefined;
  }

  private failEarly(type: string, error: PublishError): Promise<never> {
    this.emitFailed(isEventType(type) ? this.settings.topicOf(type) : '', 1, error);
    return Promise.reject(error);
  }

  private invocation(type: EventType, payload: unknown, options: PublishOptions | undefined): PublishInvocation {
    const key = options?.key ?? (payload as Record<string, unknown> | null)?.[EventCatalog[type].keyField];
    return {
      eventType: type,
      topic: this.settings.topicOf(type),
      key: typeof key === 'string' ? key : undefined,
      id: options?.id ?? this.newId(),
      payload,
      headers: { ...options?.headers },
      ...(options?.traceparent !== undefined ? { traceparent: options.traceparent } : {}),
      ...(options?.time !== undefined ? { time: options.time } : {}),
    };
  }

  private build(type: EventType, payload: unknown, options: PublishOptions | undefined, encoder: AvroEncoder<unknown>): OutgoingRecord {
    return buildOutgoingRecord(type, payload, options, encoder, { topic: this.settings.topicOf(type), source: this.settings.source, newId: this.newId });
  }

  private fill(
    slot: QueueSlot<QueuedPublish>,
    type: EventType,
    payload: unknown,
    options: PublishOptions | undefined,
    encoder: AvroEncoder<unknown>,
    waiter: PublishWaiter,
  ): void {
    let record: OutgoingRecord;
    try {
      record = this.build(type, payload, options, encoder);
    } catch (error) {
      this.dropped(slot, type, error as PublishError, waiter);
      return;
    }
    slot.fill({ record, waiter, index: 0 }, record.size);
  }

  private dropped(slot: QueueSlot<QueuedPublish>, type: EventType, error: PublishError, waiter: PublishWaiter): void {
    slot.drop();
    this.emitFailed(this.settings.topicOf(type), 1, error);
    waiter.settle(0, error);
  }

  /** The queue's sink: one acknowledged send, then every caller of the batch settled. */
  private async sendBatch(batch: QueuedPublish[]): Promise<void> {
    const started = performance.now();
    let outcomes: SendOutcome[];
    try {
      outcomes = await this.sender.send(batch.map((queued) => queued.record));
    } catch (error) {
      // The sender reports failures as outcomes; what is thrown is a bug. Nothing of this
      // batch was sent; it is owed to every caller.
      const failure = new PublishError(PublishErrorCode.Rejected, `publishing failed unexpectedly: ${String(error)}`, { cause: error });
      outcomes = batch.map(() => failure);
    }
    this.report(batch, outcomes, performance.now() - started);
    for (let i = 0; i < batch.length; i++) batch[i].waiter.settle(batch[i].index, outcomes[i]);
  }

  private report(batch: readonly QueuedPublish[], outcomes: readonly SendOutcome[], durationMs: number): void {
    const instrumentation = this.instrumentation;
    if (!instrumentation) return;
    if (!instrumentation.listens(RuntimeEvent.Published) && !instrumentation.listens(RuntimeEvent.PublishFailed)) return;
    const published = new Map<string, number>();
    const failed = new Map<string, { topic: string; count: number; error: PublishError }>();
    for (const [i, queued] of batch.entries()) {
      const outcome = outcomes[i];
      const topic = queued.record.topic;
      if (outcome instanceof PublishError) {
        const key = `${topic}\u0000${outcome.code}`;
        const entry = failed.get(key) ?? { topic, count: 0, error: outcome };
        entry.count++;
        failed.set(key, entry);
      } else {
        published.set(topic, (published.get(topic) ?? 0) + 1);
      }
    }
    for (const [topic, count] of published) instrumentation.emit(RuntimeEvent.Published, { topic, count, durationMs });
    for (const { topic, count, error } of failed.values()) this.emitFailed(topic, count, error);
  }

  private emitFailed(topic: string, count: number, error: PublishError): void {
    this.instrumentation?.emit(RuntimeEvent.PublishFailed, { topic, count, errorCode: error.code, retriable: error.retriable });
  }
}

/** The publish options that carry an invocation's choices into the direct path. */
function invocationOptions(invocation: PublishInvocation): PublishOptions {
  return {
    id: invocation.id,
    ...(invocation.key !== undefined ? { key: invocation.key } : {}),
    ...(invocation.traceparent !== undefined ? { traceparent: invocation.traceparent } : {}),
    ...(invocation.time !== undefined ? { time: invocation.time } : {}),
    ...(Object.keys(invocation.headers).length > 0 ? { headers: invocation.headers } : {}),
  };
}

function notPublished(type: string): PublishError {
  return new PublishError(PublishErrorCode.Rejected, `${type} was not published: an interceptor did not call next()`, { eventType: type });
}
