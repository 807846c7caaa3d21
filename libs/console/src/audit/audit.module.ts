import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit.log';
import { AuditReader } from './audit.reader';

/** The audit log (global: every feature module records its actions with AuditLog) and its page. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditReader],
  exports: [AuditLog],
})
export class AuditModule {}
