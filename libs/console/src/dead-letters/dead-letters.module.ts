import { Module } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import { DeadLettersController } from './dead-letters.controller';
import { RedriveController } from './redrive.controller';
import { RedrivenIndex } from './redriven-index';

@Module({
  controllers: [DeadLettersController, RedriveController],
  providers: [{ provide: RedrivenIndex, inject: [CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN], useFactory: (kafka: Kafka, admin: Admin) => new RedrivenIndex(kafka, admin) }],
})
export class DeadLettersModule {}
