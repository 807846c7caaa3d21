import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { SchemaStore } from '../store/schema-store';

/** Liveness for orchestration and tests, plus the small Confluent endpoints clients probe. */
@Controller()
export class HealthController {
  constructor(@Inject(SchemaStore) private readonly store: SchemaStore) {}

  @Get()
  root(): Record<string, never> {
    return {};
  }

  /** UP once the log was read to its end; 503 if the log reader has stopped for good. */
  @Get('health')
  health(): { status: 'UP' } {
    if (!this.store.healthy) throw new ServiceUnavailableException('the _schemas log reader is not running');
    return { status: 'UP' };
  }

  /** Writes are always accepted: IMPORT and READONLY modes are not implemented. */
  @Get('mode')
  mode(): { mode: 'READWRITE' } {
    return { mode: 'READWRITE' };
  }
}
