import type { Command } from 'commander';
import { isOpsError } from '@eventline/ops';
import { CliContext } from './cli-context';
import { CliError, CliErrorCode, isCliError } from './cli.error';
import { resolveConnection, type ConnectionFlags } from './connection-options';
import { fromOpsError } from './ops-error.mapping';
import { Output } from './output';

interface GlobalFlags extends ConnectionFlags {
  readonly json?: boolean;
}

/**
 * Runs one command's work with a context built from the global flags, and always closes its
 * Kafka clients — also when the work throws, so an error never leaves the process hanging.
 * Ctrl-C aborts `ctx.signal`: long commands stop after the batch in hand.
 */
export interface ContextOptions {
  /** Ctrl-C is how this command ends when it is done (`tail --follow`): exit 0, not 130. */
  readonly endsOnInterrupt?: boolean;
}

export async function withContext(command: Command, work: (ctx: CliContext, signal: AbortSignal) => Promise<void>, options: ContextOptions = {}): Promise<void> {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const ctx = new CliContext(resolveConnection(flags), new Output(flags.json === true));
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await work(ctx, abort.signal);
    if (abort.signal.aborted && !options.endsOnInterrupt) {
      // The work stopped early on purpose; a script must not read that as done.
      throw new CliError(CliErrorCode.Interrupted, 'interrupted: stopped after the records in hand (what was done is printed above); run the same command again to go on');
    }
  } catch (err) {
    // A denied ACL or a refused login in the middle of a command: say which, in one line.
    throw isCliError(err) ? err : isOpsError(err) ? fromOpsError(err) : (ctx.explain(err) ?? err);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await ctx.close();
  }
}
