import type { Type } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';

/**
 * The console's feature modules, in the order their routes register. Append a feature's
 * module here; ConsoleModule imports every entry.
 */
export const CONSOLE_FEATURES: Type[] = [AuditModule];
