import { OpsContext } from '@eventline/ops';
import type { ConnectionSettings } from '@eventline/connection';
import { CONSOLE_READER_GROUP_PREFIX } from '@eventline/contracts';

/**
 * Runs one operation of libs/ops (reset, redrive, replay) with a context of its own — its
 * own admin and idempotent producers — closed when the operation ends, so a long-running
 * console never accumulates producers and one operation's failure cannot poison the next.
 */
export class OpsRunner {
  constructor(private readonly connection: ConnectionSettings) {}

  async run<R>(operation: (ctx: OpsContext) => Promise<R>): Promise<R> {
    const ctx = new OpsContext(this.connection, { clientId: 'eventline-console', readerGroupPrefix: CONSOLE_READER_GROUP_PREFIX });
    try {
      return await operation(ctx);
    } finally {
      await ctx.close();
    }
  }
}
