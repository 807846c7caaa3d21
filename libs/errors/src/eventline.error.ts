import type { Classification, ClassifiedError } from './classified-error';

/**
 * The one base of the libraries' error classes (CodecError, PublishError, RuntimeError, …).
 * Each library keeps its own class, its own `as const` code vocabulary and, where flags
 * depend on the code, one table from code to `Classification`; this class only holds the
 * protocol. Subclasses set `name` and must not redeclare `code`, `poison` or `retriable`
 * (a redeclared field would be reset after this constructor ran).
 */
export abstract class EventlineError<Code extends string = string> extends Error implements ClassifiedError {
  readonly poison: boolean;
  readonly retriable: boolean;

  protected constructor(
    readonly code: Code,
    message: string,
    classification: Classification,
    options: { readonly cause?: unknown } = {},
  ) {
    // An absent cause stays absent (no own `cause: undefined` on the error).
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.poison = classification.poison;
    this.retriable = classification.retriable;
  }
}
