import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { BenchContext } from '../bench-context';
import { ConsumeWindow } from '../support/consumer-run';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import type { ConsumeRun } from './s3-consumer-peers';

/**
 * NestJS's own Kafka transport: a controller with `@EventPattern(topic)` (JSON values, the
 * transport's default deserializer), the same fetch settings and partitions consumed at once.
 */
export async function nestConsume(ctx: BenchContext, topic: string, records: number): Promise<ConsumeRun> {
  const window = new ConsumeWindow(ctx.cpu, records);

  class BenchController {
    handle(): void {
      window.started();
      window.finished();
    }
  }
  // Decorators applied by hand: the topic is only known at run time.
  EventPattern(topic)(BenchController.prototype, 'handle', Object.getOwnPropertyDescriptor(BenchController.prototype, 'handle') ?? {});
  Controller()(BenchController);
  class BenchModule {}
  Module({ controllers: [BenchController] })(BenchModule);

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, {
    logger: false,
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'eventline-bench-nest', brokers: ctx.brokers },
      consumer: { groupId: ctx.topics.group('bench-nest'), allowAutoTopicCreation: false, ...FETCH },
      subscribe: { fromBeginning: true },
      run: { partitionsConsumedConcurrently: PARTITIONS },
    },
  });
  await app.listen();
  try {
    return await window.closed('NestJS Kafka transport', records + 120_000);
  } finally {
    await app.close();
  }
}
