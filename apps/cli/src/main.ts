/**
 * `eventline`: the operator CLI. Parses, runs one command, and turns every failure into one
 * line on stderr and an exit code from `ExitCode` — scripts and people both get a verdict.
 */
import './telemetry';
import { CommanderError, type Command } from 'commander';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { flushTelemetry } from '@eventline/telemetry';
import { isCliError } from './common/cli.error';
import { ExitCode } from './common/exit-code';
import { buildProgram } from './program';

filterKafkaJsTimeoutWarning();

/**
 * On every command of the tree (addCommand does not pass settings down): commander's own
 * errors — a missing required option, an unknown flag — come out in the CLI's one-line form
 * `eventline: …` like every other failure, and throw instead of exiting.
 */
function applyExitOverride(command: Command): void {
  command.exitOverride();
  command.configureOutput({
    outputError: (text, write) => write(`eventline: ${text.replace(/^error: /, '').trimEnd()}\n`),
  });
  for (const sub of command.commands) applyExitOverride(sub);
}

function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error it already printed.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code) ? ExitCode.Ok : ExitCode.Usage;
  }
  if (isCliError(err)) return err.exitCode;
  return ExitCode.Failure;
}

function describe(err: unknown): string {
  if (isCliError(err)) return err.message;
  const e = err as { name?: string; message?: string };
  const name = typeof e?.name === 'string' && e.name.startsWith('KafkaJS') ? `Kafka: ` : '';
  return `${name}${e?.message ?? String(err)}`;
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  const program = buildProgram();
  applyExitOverride(program);
  try {
    await program.parseAsync([...argv]);
    return ExitCode.Ok;
  } catch (err) {
    const code = exitCodeFor(err);
    if (!(err instanceof CommanderError)) {
      process.stderr.write(`eventline: ${describe(err)}\n`);
      if (process.env.EVENTLINE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    }
    return code;
  }
}

// `eventline tail … | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(ExitCode.Ok);
  throw err;
});

main(process.argv).then(async (code) => {
  // The run's spans go out before the exit (a no-op when tracing is off).
  await flushTelemetry().catch((error: unknown) => process.stderr.write(`eventline: traces not exported: ${error instanceof Error ? error.message : String(error)}\n`));
  // kafkajs can leave sockets and timers behind after disconnect; the verdict is in, so exit.
  process.stdout.write('', () => process.exit(code));
});
