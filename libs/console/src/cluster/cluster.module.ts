import { Global, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import type { ConnectionSettings } from '@eventline/connection';
import { CONSOLE_CONFIG, CONSOLE_CONNECTION, CONSOLE_KAFKA_ADMIN, CONSOLE_LOGGER } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import { answerFor } from '../errors/console-error.filter';
import { JobRegistry } from '../jobs/job-registry';
import { ClusterSampler, DEFAULT_SAMPLER_OPTIONS } from '../overview/cluster-sampler';
import { takeClusterSnapshot } from '../overview/cluster-snapshot';
import { createConsoleCodec } from './console-codec';
import { OpsRunner } from './ops-runner';

/** The codec every page decodes with (production mode: reads schemas, never registers). */
export const CONSOLE_CODEC = Symbol('CONSOLE_CODEC');

/**
 * What the read pages share: one snapshot sampler (a timer plus the requests themselves),
 * the codec, and the jobs the long operations run as.
 */
@Global()
@Module({
  providers: [
    {
      provide: ClusterSampler,
      inject: [CONSOLE_KAFKA_ADMIN],
      useFactory: (admin: Admin) => new ClusterSampler(() => takeClusterSnapshot(admin), DEFAULT_SAMPLER_OPTIONS),
    },
    { provide: CONSOLE_CODEC, inject: [CONSOLE_CONNECTION], useFactory: (connection: ConnectionSettings) => createConsoleCodec(connection) },
    { provide: JobRegistry, useFactory: () => new JobRegistry((error) => answerFor(error).error) },
    { provide: OpsRunner, inject: [CONSOLE_CONNECTION], useFactory: (connection: ConnectionSettings) => new OpsRunner(connection) },
  ],
  exports: [ClusterSampler, CONSOLE_CODEC, JobRegistry, OpsRunner],
})
export class ClusterModule implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(ClusterSampler) private readonly sampler: ClusterSampler,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(CONSOLE_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    const every = this.config.sampleIntervalMs;
    let failing = false;
    this.timer = setInterval(() => {
      this.sampler.sample().then(
        () => {
          if (failing) this.log.info('cluster sampling works again');
          failing = false;
        },
        (error: unknown) => {
          // Said once per outage, not every interval; the pages show the error themselves.
          if (!failing) this.log.warn({ err: error }, 'cluster sampling failed; charts have a gap until it works again');
          failing = true;
        },
      );
    }, every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
