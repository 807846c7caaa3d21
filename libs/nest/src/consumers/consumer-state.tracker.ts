import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { RuntimeEvent, RuntimeInstrumentation, type EventConsumer } from '@eventline/runtime';
import { ConsumerState, type ConsumerStatus } from './consumer-state';

interface Entry {
  consumer: EventConsumer;
  state: ConsumerState;
  assignment: Record<string, number[]>;
  crash?: string;
}

/**
 * Follows each consumer through the runtime's instrumentation events (the runtime exposes no
 * state getter, only `failure`), so the health check reads state without asking the broker.
 */
@Injectable()
export class ConsumerStateTracker implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerStateTracker.name);
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: Array<() => void>;

  constructor(instrumentation: RuntimeInstrumentation) {
    const entry = (groupId: string) => this.entries.get(groupId);
    this.unsubscribe = [
      instrumentation.on(RuntimeEvent.GroupJoined, ({ groupId, assignment }) => {
        const e = entry(groupId);
        if (e && e.state === ConsumerState.Starting) e.state = ConsumerState.Running;
        if (e) e.assignment = Object.fromEntries(Object.entries(assignment).map(([t, ps]) => [t, [...ps].sort((a, b) => a - b)]));
      }),
      instrumentation.on(RuntimeEvent.Rebalance, ({ groupId }) => {
        const e = entry(groupId);
        if (e) e.assignment = {};
      }),
      instrumentation.on(RuntimeEvent.ConsumerStopping, ({ groupId }) => {
        const e = entry(groupId);
        if (e && e.state !== ConsumerState.Crashed) e.state = e.consumer.failure ? ConsumerState.Crashed : ConsumerState.Stopping;
      }),
      instrumentation.on(RuntimeEvent.ConsumerStopped, ({ groupId }) => {
        const e = entry(groupId);
        if (!e) return;
        e.assignment = {};
        if (e.state !== ConsumerState.Crashed) e.state = e.consumer.failure ? ConsumerState.Crashed : ConsumerState.Stopped;
      }),
      instrumentation.on(RuntimeEvent.ConsumerCrashed, ({ groupId, error, restart }) => {
        const e = entry(groupId);
        // With restart: true kafkajs rejoins by itself; only a crash it gives up on is final.
        if (!e || restart) return;
        e.state = ConsumerState.Crashed;
        e.crash = error;
        this.logger.error(`consumer group ${groupId} crashed and will not restart: ${error}`);
      }),
    ];
  }

  /** Call before consumer.start(): kafkajs joins the group inside start(), and the join event must find the entry. */
  track(consumer: EventConsumer): void {
    this.entries.set(consumer.groupId, { consumer, state: ConsumerState.Starting, assignment: {} });
  }

  statuses(): ConsumerStatus[] {
    return [...this.entries.entries()].map(([groupId, e]) => {
      const failure = e.consumer.failure ?? e.crash;
      return {
        groupId,
        state: e.consumer.failure ? ConsumerState.Crashed : e.state,
        assignment: e.assignment,
        ...(failure === undefined ? {} : { failure: failure instanceof Error ? failure.message : String(failure) }),
      };
    });
  }

  // Not onModuleDestroy: consumers stop after it (beforeApplicationShutdown), and their
  // stop events must still be seen.
  onApplicationShutdown(): void {
    for (const off of this.unsubscribe) off();
  }
}
