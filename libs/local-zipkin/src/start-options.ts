import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';

export interface StartZipkinOptions {
  /** The HTTP port (spans, query API, UI), on 127.0.0.1. Default: a free one. */
  readonly port?: number;
  /** A JDK or JRE folder; its bin/java runs Zipkin. Default: JAVA, else `java` on the PATH. */
  readonly javaHome?: string;
  /** A zipkin-server exec jar. Default: EVENTLINE_ZIPKIN_JAR, else the one in ~/.m2, fetched with Maven on first use. */
  readonly jar?: string;
  /** Where the JVM's output goes (truncated at start). Default: .cache/zipkin/zipkin-<port>.log in the workspace. */
  readonly logFile?: string;
  /** JVM heap ceiling in MiB. Default 256. */
  readonly heapMb?: number;
  /** Spans kept in memory before the oldest traces are dropped. Default 50,000 (fits the default heap). */
  readonly maxSpans?: number;
  /** How long /health may take to answer. Default: EVENTLINE_ZIPKIN_START_TIMEOUT_MS, else 120 s. */
  readonly startTimeoutMs?: number;
  /** Progress lines (the first start's Maven fetch). */
  readonly log?: (line: string) => void;
}

/** What a start runs with once every option is checked. `port` stays open: free by default. */
export interface CheckedStartOptions {
  readonly port?: number;
  readonly heapMb: number;
  readonly maxSpans: number;
  readonly startTimeoutMs: number;
}

const DEFAULT_HEAP_MB = 256;
const DEFAULT_MAX_SPANS = 50_000;
// A first start on two busy cores took 29 s with the default JIT; the deadline leaves room.
const DEFAULT_START_TIMEOUT_MS = 120_000;
// Below this Zipkin's Spring context does not come up at all.
const MIN_HEAP_MB = 64;

const wholeIn = (value: number, min: number, max = Number.MAX_SAFE_INTEGER) => Number.isInteger(value) && value >= min && value <= max;

/** Checks every option and reports all the problems together. */
export function checkStartOptions(options: StartZipkinOptions, env: NodeJS.ProcessEnv = process.env): CheckedStartOptions {
  const problems: string[] = [];
  const { port, heapMb = DEFAULT_HEAP_MB, maxSpans = DEFAULT_MAX_SPANS } = options;
  const timeoutFromEnv = env.EVENTLINE_ZIPKIN_START_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? (timeoutFromEnv ? Number(timeoutFromEnv) : DEFAULT_START_TIMEOUT_MS);
  if (port !== undefined && !wholeIn(port, 1, 65_535)) problems.push(`port must be a whole number from 1 to 65535 (got ${port})`);
  if (!wholeIn(heapMb, MIN_HEAP_MB)) problems.push(`heapMb must be a whole number of MiB, at least ${MIN_HEAP_MB} (got ${heapMb})`);
  if (!wholeIn(maxSpans, 1)) problems.push(`maxSpans must be a positive whole number (got ${maxSpans})`);
  if (!wholeIn(startTimeoutMs, 1)) {
    const source = options.startTimeoutMs === undefined ? `EVENTLINE_ZIPKIN_START_TIMEOUT_MS="${timeoutFromEnv}"` : `startTimeoutMs (${startTimeoutMs})`;
    problems.push(`${source} must be a positive whole number of milliseconds`);
  }
  if (problems.length > 0) {
    throw new LocalZipkinError(
      LocalZipkinErrorCode.InvalidOption,
      problems.length === 1 ? `cannot start Zipkin: ${problems[0]}` : `cannot start Zipkin:\n  - ${problems.join('\n  - ')}`,
    );
  }
  return { port, heapMb, maxSpans, startTimeoutMs };
}
