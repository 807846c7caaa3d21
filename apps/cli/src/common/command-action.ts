import type { Command } from 'commander';
import { CliContext } from './cli-context';
import { resolveConnection, type ConnectionFlags } from './connection-options';
import { Output } from './output';

export interface GlobalFlags extends ConnectionFlags {
  readonly json?: boolean;
}

/**
 * Runs one command's work with a context built from the global flags, and always closes its
 * Kafka clients — also when the work throws, so an error never leaves the process hanging.
 * Ctrl-C aborts `ctx.signal`: long commands stop after the batch in hand.
 */
export async function withContext(command: Command, work: (ctx: CliContext, signal: AbortSignal) => Promise<void>): Promise<void> {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const ctx = new CliContext(resolveConnection(flags), new Output(flags.json === true));
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await work(ctx, abort.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await ctx.close();
  }
}
