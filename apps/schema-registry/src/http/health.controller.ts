import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { AccessLevel } from '../auth/registry-role';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { SchemaStore } from '../store/schema-store';

/** Liveness for orchestration and tests, plus the small Confluent endpoints clients probe. */
@Controller()
@Access(AccessLevel.Read)
export class HealthController {
  constructor(
    @Inject(SchemaStore) private readonly store: SchemaStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Get()
  root(): Record<string, never> {
    return {};
  }

  /**
   * UP once the log was read to its end; 503 if the log reader has stopped for good. Open
   * without credentials, for probes that hold none, so it says whether auth is on and no more.
   */
  @Get('health')
  @Access(AccessLevel.Public)
  health(): { status: 'UP'; auth: 'enabled' | 'disabled' } {
    if (!this.store.healthy) throw new ServiceUnavailableException('the _schemas log reader is not running');
    return { status: 'UP', auth: this.config.auth ? 'enabled' : 'disabled' };
  }

  /** Writes are always accepted: IMPORT and READONLY modes are not implemented. */
  @Get('mode')
  mode(): { mode: 'READWRITE' } {
    return { mode: 'READWRITE' };
  }
}
