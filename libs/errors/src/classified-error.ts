/**
 * What an error says about the failure it reports, for whoever must decide what happens next
 * (the consumer runtime: retry, dead-letter or stop; a CLI: exit code; an API: Retry-After):
 *
 *   poison     the input itself is bad and fails the same way every time: set it aside
 *              (dead-letter it), never retry it
 *   retriable  the world is bad (a broker or registry away, a timeout): the same call may
 *              succeed later
 *   neither    final for this input (a deploy or programming error, a refusal): stop, or
 *              report it to whoever asked
 *
 * Poison and retriable together would contradict each other; no Eventline error says both.
 */
export interface Classification {
  readonly poison: boolean;
  readonly retriable: boolean;
}

/** The three classifications there are, for the per-code tables of each library's vocabulary. */
export const Classification = {
  Poison: { poison: true, retriable: false },
  Transient: { poison: false, retriable: true },
  Final: { poison: false, retriable: false },
} as const satisfies Record<string, Classification>;

/**
 * The protocol every Eventline error implements (most by extending `EventlineError`): a
 * stable `code` (dead-letter headers, metrics, API bodies and scripts carry it, so a value
 * never changes meaning), both classification flags, and the error it wraps.
 */
export interface ClassifiedError extends Classification {
  readonly code: string;
  readonly message: string;
  readonly cause?: unknown;
}
