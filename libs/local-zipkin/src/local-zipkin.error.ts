import { Classification, EventlineError } from '@eventline/errors';

/**
 * Every failure of the local Zipkin launcher and of its query client. Stable codes: the
 * pipeline prints `error [<code>]`, scripts may match on them.
 */
export const LocalZipkinErrorCode = {
  /** No Java runs under the name tried (javaHome, JAVA, `java` on the PATH). */
  JavaMissing: 'LOCAL_ZIPKIN_JAVA_MISSING',
  /** Java runs but is older than Zipkin 3 needs (17). */
  JavaTooOld: 'LOCAL_ZIPKIN_JAVA_TOO_OLD',
  /** The jar is not cached and Maven, which would fetch it, is not installed. */
  MavenMissing: 'LOCAL_ZIPKIN_MAVEN_MISSING',
  /** Maven ran and could not fetch the jar (offline, a mirror without it). */
  JarUnavailable: 'LOCAL_ZIPKIN_JAR_UNAVAILABLE',
  /** Something else listens on the port asked for. */
  PortTaken: 'LOCAL_ZIPKIN_PORT_TAKEN',
  /** An option (or the variable it came from) makes no sense. */
  InvalidOption: 'LOCAL_ZIPKIN_INVALID_OPTION',
  /** The JVM exited before /health answered. */
  ExitedEarly: 'LOCAL_ZIPKIN_EXITED_EARLY',
  /** /health did not answer 200 before the deadline. */
  StartTimeout: 'LOCAL_ZIPKIN_START_TIMEOUT',
  /** Zipkin's API did not answer, or answered with an error status. */
  QueryFailed: 'LOCAL_ZIPKIN_QUERY_FAILED',
  /** Zipkin's API answered 2xx with a body that is not the documented shape. */
  UnexpectedAnswer: 'LOCAL_ZIPKIN_UNEXPECTED_ANSWER',
} as const;
export type LocalZipkinErrorCode = (typeof LocalZipkinErrorCode)[keyof typeof LocalZipkinErrorCode];

// Transient: the same call may succeed later by itself (a network away, a loaded machine).
const CLASSIFICATION: Record<LocalZipkinErrorCode, Classification> = {
  [LocalZipkinErrorCode.JavaMissing]: Classification.Final,
  [LocalZipkinErrorCode.JavaTooOld]: Classification.Final,
  [LocalZipkinErrorCode.MavenMissing]: Classification.Final,
  [LocalZipkinErrorCode.JarUnavailable]: Classification.Transient,
  [LocalZipkinErrorCode.PortTaken]: Classification.Final,
  [LocalZipkinErrorCode.InvalidOption]: Classification.Final,
  [LocalZipkinErrorCode.ExitedEarly]: Classification.Final,
  [LocalZipkinErrorCode.StartTimeout]: Classification.Transient,
  [LocalZipkinErrorCode.QueryFailed]: Classification.Transient,
  [LocalZipkinErrorCode.UnexpectedAnswer]: Classification.Final,
};

/** `hint` is the one thing to do next; the pipeline prints message and hint. */
export class LocalZipkinError extends EventlineError<LocalZipkinErrorCode> {
  override readonly name = 'LocalZipkinError';

  constructor(
    code: LocalZipkinErrorCode,
    message: string,
    readonly hint?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, CLASSIFICATION[code], options);
  }
}
