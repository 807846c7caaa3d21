import type { Coordinates, DeadLetterCode } from './s9-dead-letter-set';

/**
 * The fields S9 reads from `GET /api/dead-letters/<dlq>/records`: a subset of `DeadLetterPage`
 * in libs/console/src/api/console-api.types.ts, restated because libs/benchmarks (scope:dev)
 * may not import the console's types; the checks below fail loudly if the answer changes shape.
 */
export interface ConsolePageAnswer {
  readonly records: ReadonlyArray<{ readonly partition: number; readonly offset: string; readonly errorCode: string | null; readonly failedAt: string | null }>;
  readonly nextCursor: string | null;
  readonly scanned: number;
  readonly partial: boolean;
}

/** One JSON line of `eventline dlq show --json` (libs/ops DeadLetterView): the fields S9 checks. */
export interface CliDeadLetterLine {
  readonly partition: number;
  readonly offset: string;
  readonly deadLetter: { readonly errorCode?: string; readonly invalid?: string };
}

export interface PageExpectation {
  readonly limit: number;
  /** Only dead letters with this code may be on the page. */
  readonly code?: DeadLetterCode;
}

/**
 * What is wrong with a console page (empty: nothing). A full page must be exactly `newest`, the
 * newest matching dead letters in order; a page cut short by the scan budget must say
 * `partial` and give a cursor, and what it holds must still be the newest matches.
 */
export function consolePageProblems(answer: ConsolePageAnswer, expected: PageExpectation & { readonly newest: readonly Coordinates[] }): string[] {
  const problems: string[] = [];
  if (!Array.isArray(answer.records) || typeof answer.scanned !== 'number' || typeof answer.partial !== 'boolean') return ['the answer is not a dead-letter page'];
  const got = answer.records.map((r): Coordinates => `${r.partition}:${r.offset}`);
  if (answer.partial) {
    if (answer.nextCursor === null) problems.push('partial without a cursor to read on');
    if (got.length >= expected.limit) problems.push(`partial with a full page of ${got.length}`);
  } else if (got.length !== expected.limit) {
    problems.push(`${got.length} records, expected ${expected.limit}`);
  }
  const want = expected.newest.slice(0, got.length);
  const first = got.findIndex((c, i) => c !== want[i]);
  if (first >= 0) problems.push(`record ${first} is ${got[first]}, expected ${want[first]} (newest first)`);
  const wrongCode = expected.code === undefined ? [] : answer.records.filter((r) => r.errorCode !== expected.code);
  if (wrongCode.length > 0) problems.push(`${wrongCode.length} records with another error code than ${expected.code} (e.g. ${wrongCode[0].errorCode})`);
  const times = answer.records.map((r) => r.failedAt ?? '');
  if (times.some((t, i) => i > 0 && t > times[i - 1])) problems.push('failedAt is not newest first');
  return problems;
}

/**
 * What is wrong with the CLI's answer: `limit` distinct dead letters, all with the code when
 * one was asked for, each partition's in offset order (the CLI reads forwards from earliest).
 */
export function cliPageProblems(lines: readonly CliDeadLetterLine[], expected: PageExpectation): string[] {
  const problems: string[] = [];
  if (lines.length !== expected.limit) problems.push(`${lines.length} dead letters, expected ${expected.limit}`);
  if (new Set(lines.map((l) => `${l.partition}:${l.offset}`)).size !== lines.length) problems.push('a dead letter printed twice');
  const wrongCode = expected.code === undefined ? lines.filter((l) => !l.deadLetter.errorCode) : lines.filter((l) => l.deadLetter.errorCode !== expected.code);
  if (wrongCode.length > 0) problems.push(`${wrongCode.length} lines without ${expected.code ?? 'an error code'} (e.g. ${JSON.stringify(wrongCode[0].deadLetter).slice(0, 120)})`);
  const last = new Map<number, bigint>();
  for (const l of lines) {
    const offset = BigInt(l.offset);
    if ((last.get(l.partition) ?? -1n) >= offset) problems.push(`partition ${l.partition}: offset ${l.offset} after ${last.get(l.partition)}`);
    last.set(l.partition, offset);
  }
  return problems;
}
