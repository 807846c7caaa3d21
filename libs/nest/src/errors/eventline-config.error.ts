import { Classification, EventlineError } from '@eventline/errors';

/**
 * Why an Eventline app refuses to start. Never retriable: each says what to change in the
 * code or the deployment, and retrying the boot would fail the same way.
 */
export const EventlineConfigErrorCode = {
  HandlersInvalid: 'NEST_HANDLERS_INVALID',
  OptionsInvalid: 'NEST_OPTIONS_INVALID',
  TopicsMissing: 'NEST_TOPICS_MISSING',
  SchemasNotRegistered: 'NEST_SCHEMAS_NOT_REGISTERED',
  PublisherMissing: 'NEST_PUBLISHER_MISSING',
} as const;
export type EventlineConfigErrorCode = (typeof EventlineConfigErrorCode)[keyof typeof EventlineConfigErrorCode];

export class EventlineConfigError extends EventlineError<EventlineConfigErrorCode> {
  override readonly name = 'EventlineConfigError';

  constructor(code: EventlineConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, Classification.Final, options);
  }
}

/** One error for every problem found, so a single failed boot lists all of them. */
export function configProblems(code: EventlineConfigErrorCode, headline: string, problems: readonly string[]): EventlineConfigError {
  const body = problems.length === 1 ? ` ${problems[0]}` : problems.map((p) => `\n  - ${p}`).join('');
  return new EventlineConfigError(code, `${headline}:${body}`);
}
