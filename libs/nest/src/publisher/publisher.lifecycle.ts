import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventlinePublisher } from './eventline.publisher';

/**
 * Flushes and closes the publisher on shutdown. It runs in onApplicationShutdown, after the
 * consumers stopped in beforeApplicationShutdown, so events their last handlers published
 * are flushed too.
 */
@Injectable()
export class PublisherLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger(PublisherLifecycle.name);

  constructor(private readonly publisher: EventlinePublisher) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.publisher.flush();
    } finally {
      await this.publisher.close().catch((error: unknown) => this.logger.warn(`publisher close failed: ${String(error)}`));
    }
  }
}
