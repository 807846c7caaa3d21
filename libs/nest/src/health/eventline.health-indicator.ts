import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ConsumerState } from '../consumers/consumer-state';
import { ConsumerStateTracker } from '../consumers/consumer-state.tracker';
import { EventlinePublisher } from '../publisher/eventline.publisher';
import { UnavailablePublisher } from '../publisher/unavailable.publisher';

/**
 * For a terminus health check: `health.check([() => eventline.isHealthy()])`. Down when a
 * consumer crashed or stopped, or the publisher lost its connection; the details say which,
 * with each member's assigned partitions.
 */
@Injectable()
export class EventlineHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly states: ConsumerStateTracker,
    private readonly publisher: EventlinePublisher,
  ) {}

  isHealthy<const Key extends string = 'eventline'>(key: Key = 'eventline' as Key): HealthIndicatorResult<Key> {
    const consumers = this.states.statuses();
    // An app without a publisher (consume-only) is not unhealthy for lacking one.
    const publisher = this.publisher instanceof UnavailablePublisher ? 'none' : this.publisher.connected ? 'connected' : 'disconnected';
    const consumersUp = consumers.every((c) => c.state === ConsumerState.Running || c.state === ConsumerState.Starting);
    const session = this.health.check(key);
    return consumersUp && publisher !== 'disconnected' ? session.up({ consumers, publisher }) : session.down({ consumers, publisher });
  }
}
