import type { EventContext, EventHandler } from '@eventline/runtime';
import { readStamp } from './event-stamp';
import type { ProcessingLog } from './processing-log';

/**
 * Wraps a handler so that, once its work succeeded, the processing is in the log before the
 * runtime sees the handler return — the offset can only be committed after that. A failing
 * handler records nothing: it did not process the event. Unstamped records pass through.
 */
export function checkedHandler<T>(log: ProcessingLog, instance: string, work: EventHandler<T> = () => undefined): EventHandler<T> {
  return async (event: T, ctx: EventContext) => {
    await work(event, ctx);
    const stamp = readStamp(ctx.key, ctx.headers);
    if (stamp) await log.record(stamp, ctx.partition, ctx.offset, instance);
  };
}
