import type { BenchContext } from '../bench-context';
import { ConsumeWindow } from '../support/consumer-run';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import type { ConsumeRun } from './s3-consumer-peers';

const PACKAGE = '@nestjs/microservices';

/** Why the NestJS peer cannot run here, or undefined when it can. */
export function nestPeerUnavailable(): string | undefined {
  try {
    require.resolve(PACKAGE);
    return undefined;
  } catch {
    return `${PACKAGE} is not installed (it is not a dependency of Eventline); add it (version 11) to include the NestJS Kafka transport peer.`;
  }
}

// The package is optional, so its API is described here instead of imported for its types.
interface NestMicroservicesApi {
  readonly Transport: { readonly KAFKA: number };
  EventPattern(pattern: string): MethodDecorator;
}
interface NestApp {
  listen(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * NestJS's own Kafka transport: a controller with `@EventPattern(topic)` (JSON values, the
 * transport's default deserializer), the same fetch settings and partitions consumed at once.
 */
export async function nestConsume(ctx: BenchContext, topic: string, records: number): Promise<ConsumeRun> {
  const microservices = (await import(PACKAGE)) as NestMicroservicesApi;
  const { NestFactory } = await import('@nestjs/core');
  const { Controller, Module } = await import('@nestjs/common');
  const window = new ConsumeWindow(ctx.cpu, records);

  class BenchController {
    handle(): void {
      window.started();
      window.finished();
    }
  }
  microservices.EventPattern(topic)(BenchController.prototype, 'handle', Object.getOwnPropertyDescriptor(BenchController.prototype, 'handle') ?? {});
  Controller()(BenchController);
  class BenchModule {}
  Module({ controllers: [BenchController] })(BenchModule);

  const app = (await NestFactory.createMicroservice(BenchModule, {
    logger: false,
    transport: microservices.Transport.KAFKA,
    options: {
      client: { clientId: 'eventline-bench-nest', brokers: ctx.brokers },
      consumer: { groupId: ctx.topics.group('bench-nest'), allowAutoTopicCreation: false, ...FETCH },
      subscribe: { fromBeginning: true },
      run: { partitionsConsumedConcurrently: PARTITIONS },
    },
  } as never)) as unknown as NestApp;
  await app.listen();
  try {
    return await window.closed('NestJS Kafka transport', records + 120_000);
  } finally {
    await app.close();
  }
}
