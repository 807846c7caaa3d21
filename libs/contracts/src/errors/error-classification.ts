/**
 * Structural classification, so a runner can decide retry / dead-letter / stop for errors of
 * any Eventline library (contract, codec, …) without importing each error class. An error
 * qualifies by carrying the boolean flag itself; anything else (a TypeError from a handler,
 * a plain Error) is neither poison nor retriable — a programming error that should stop the
 * process rather than be retried forever or dead-letter good records.
 */
export function isPoison(err: unknown): boolean {
  return flag(err, 'poison');
}

export function isRetriable(err: unknown): boolean {
  return flag(err, 'retriable');
}

function flag(err: unknown, name: 'poison' | 'retriable'): boolean {
  return typeof err === 'object' && err !== null && (err as Record<string, unknown>)[name] === true;
}
