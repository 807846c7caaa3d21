/**
 * Process exit codes, the CLI's contract with scripts. Scripts branch on them, so a value
 * never changes meaning once released.
 */
export const ExitCode = {
  /** Done as asked (including a dry run that only printed its plan). */
  Ok: 0,
  /** Something failed at run time: Kafka or the registry unreachable, a send not acknowledged. */
  Failure: 1,
  /** The command line was wrong: unknown topic or group, bad offset, unparseable time or flag. */
  Usage: 2,
  /** The request was understood but refused as unsafe (live group, too few target partitions). */
  Refused: 3,
  /** Ctrl-C (SIGINT) or SIGTERM: stopped after the records in hand; 128 + SIGINT, as shells report it. */
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
