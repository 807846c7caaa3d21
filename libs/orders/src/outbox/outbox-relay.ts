import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EventlinePublisher } from '@eventline/nest';
import type { Database } from '@eventline/persistence';
import { isPublishError, PublishErrorCode } from '@eventline/runtime';
import { DATABASE } from '@eventline/service-kit';
import { RegistryProbe } from '../readiness/registry-probe';
import type { OutboxClaimStrategy } from './claim/outbox-claim.strategy';
import { selectClaimStrategy } from './claim/select-claim.strategy';
import { OUTBOX_RELAY_OPTIONS, type OutboxRelayOptions } from './outbox-relay.options';
import type { OutboxRow } from './outbox-row';
import { traceContextPublishOptions } from './outbox-trace-context';
import { OutboxRepository, type OutboxBacklog } from './outbox.repository';
import { RelayBackoff } from './relay-backoff';

export const RelayState = {
  Stopped: 'stopped',
  Running: 'running',
  /** Publishes failed (Kafka away, topic missing…): waiting before the next round. */
  BackingOff: 'backing-off',
  /** The schema registry is unreachable: publishing nothing until it answers again. */
  HeldForRegistry: 'held-for-registry',
} as const;
export type RelayState = (typeof RelayState)[keyof typeof RelayState];

export interface RelayStatus {
  readonly state: RelayState;
  readonly published: number;
  readonly failedPublishes: number;
  readonly consecutiveFailedRounds: number;
  readonly lastError?: string;
}

/** What one round did; `held`: it did not look at the outbox at all. */
interface RoundOutcome {
  readonly held: boolean;
  readonly claimed: number;
  readonly published: number;
}

/**
 * Publishes the outbox, in rounds. A round takes the oldest unpublished event of up to
 * `batch` orders — never two events of one order (OutboxRepository.heads) — publishes them
 * concurrently, and marks as published only those Kafka acknowledged. An order's next
 * event can therefore only go out in a later round, after the previous one was
 * acknowledged: event N+1 never overtakes event N, whatever failed in between, even when
 * the publisher batches, re-sends, or drops a record whose schema lookup failed.
 *
 * Failures decided here: a publish that fails leaves its row unpublished and the relay
 * backs off (exponential, jittered, capped) and tries again, forever — the event is
 * committed and must go out; other orders' events keep flowing in the rounds that do
 * succeed. A crash anywhere re-sends unmarked rows with their stored ce_id and ce_time
 * (at-least-once; consumers deduplicate by ce_id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly claims: OutboxClaimStrategy;
  private readonly backoff: RelayBackoff;
  private state: RelayState = RelayState.Stopped;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private published = 0;
  private failedPublishes = 0;
  private lastError?: string;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly outbox: OutboxRepository,
    private readonly publisher: EventlinePublisher,
    private readonly registry: RegistryProbe,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {
    this.claims = selectClaimStrategy(db, outbox);
    this.backoff = new RelayBackoff(options.backoffMinMs, options.backoffMaxMs);
  }

  get status(): RelayStatus {
    return {
      state: this.state,
      published: this.published,
      failedPublishes: this.failedPublishes,
      consecutiveFailedRounds: this.backoff.consecutiveFailures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  backlog(): Promise<OutboxBacklog> {
    return this.outbox.backlog(this.db);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Before the publisher and the database close (both in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.loop) return;
    this.logger.log(`relaying the outbox (${this.claims.name} claims, up to ${this.options.batch} orders per round)`);
    this.state = RelayState.Running;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
      this.state = RelayState.Stopped;
    });
  }

  /** Ends the loop after the round in progress; resolves once it ended. */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.state = RelayState.Stopped;
    this.wakeUp?.();
    await loop;
  }

  /**
   * For shutdown: stops the loop, then publishes what is left until the outbox is empty, a
   * round fails, or `deadlineMs` passed. What remains is published after the next start.
   */
  async drain(deadlineMs: number): Promise<OutboxBacklog> {
    await this.stop();
    const until = performance.now() + deadlineMs;
    for (;;) {
      const left = until - performance.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        this.round().catch(() => undefined),
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), left))),
      ]).finally(() => clearTimeout(timer));
      if (!outcome || outcome.held || outcome.claimed === 0 || outcome.published < outcome.claimed) break;
    }
    return this.backlog().catch(() => ({ pending: -1, oldestSeconds: 0 }));
  }

  private async run(): Promise<void> {
    while (this.state !== RelayState.Stopped) {
      let outcome: RoundOutcome;
      try {
        outcome = await this.round();
      } catch (error) {
        // The database itself failed (connection lost, statement error): same backoff.
        this.lastError = `outbox round failed: ${error instanceof Error ? error.message : String(error)}`;
        await this.backOff(RelayState.BackingOff);
        continue;
      }
      if (outcome.held) await this.backOff(RelayState.HeldForRegistry);
      else if (outcome.published < outcome.claimed) await this.backOff(RelayState.BackingOff);
      else {
        this.recovered();
        if (outcome.claimed === 0) await this.pause(this.options.pollMs);
      }
    }
  }

  private async round(): Promise<RoundOutcome> {
    // Issue 8 scenario 6: while the registry is unreachable the service publishes nothing,
    // even what cached schema ids could still encode (see WriteReadinessGuard).
    if (!(await this.registry.isReachable())) {
      this.lastError = `schema registry unreachable: ${this.registry.status.problem}`;
      return { held: true, claimed: 0, published: 0 };
    }
    const { claimed, published } = await this.claims.claim(this.options.batch, (rows) => this.publishAll(rows));
    return { held: false, claimed, published };
  }

  /** Publishes each row (one per order); returns those Kafka acknowledged. */
  private async publishAll(rows: readonly OutboxRow[]): Promise<OutboxRow[]> {
    const results = await Promise.allSettled(
      rows.map((row) =>
        // The row's id and time, not new ones: a re-publish must be recognisable as the same event.
        // Its stored trace context is the publish's parent, so the event continues the trace of
        // the request that made the change, not one of this loop; a row without one publishes as before.
        this.publisher.publish(row.type, row.payload as never, { id: row.eventId, key: row.key, time: row.createdAt, ...traceContextPublishOptions(row.traceContext) }),
      ),
    );
    const acknowledged: OutboxRow[] = [];
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') {
        acknowledged.push(rows[i]);
        continue;
      }
      this.failedPublishes++;
      const error: unknown = result.reason;
      this.lastError = `publishing ${rows[i].type} ${rows[i].eventId} failed: ${error instanceof Error ? error.message : String(error)}`;
      if (isPublishError(error, PublishErrorCode.RegistryUnavailable)) this.registry.markUnreachable(error.message);
    }
    this.published += acknowledged.length;
    return acknowledged;
  }

  private async backOff(state: RelayState): Promise<void> {
    const delay = this.backoff.failed();
    if (this.state === RelayState.Stopped) return;
    if (this.state !== state) this.logger.warn(`${this.lastError ?? 'outbox round failed'}; retrying with backoff (next in ${delay} ms)`);
    this.state = state;
    await this.pause(delay);
  }

  private recovered(): void {
    if (this.state === RelayState.Stopped) return;
    if (this.state !== RelayState.Running) this.logger.log(`publishing again after ${this.backoff.consecutiveFailures} failed round(s)`);
    this.backoff.succeeded();
    this.state = RelayState.Running;
  }

  private pause(ms: number): Promise<void> {
    if (this.state === RelayState.Stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
