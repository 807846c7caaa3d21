import { Controller, Get, Query } from '@nestjs/common';
import type { AuditPage } from '../api/console-api.types';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, AuditReader } from './audit.reader';

/** `GET /api/audit?before=<offset>&limit=<n>`: any signed-in user (viewer). */
@Controller('api/audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @Get()
  page(@Query('before') before?: string, @Query('limit') limit?: string): Promise<AuditPage> {
    if (before !== undefined && !/^\d{1,19}$/.test(before)) throw new ConsoleError(ConsoleErrorCode.BadRequest, 'before: expected an offset (a whole number)');
    const size = limit === undefined ? AUDIT_PAGE_DEFAULT : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > AUDIT_PAGE_MAX) {
      throw new ConsoleError(ConsoleErrorCode.BadRequest, `limit: expected a whole number from 1 to ${AUDIT_PAGE_MAX}`);
    }
    return this.reader.page(before === undefined ? undefined : BigInt(before), size);
  }
}
