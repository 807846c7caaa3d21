import { OpsError, OpsErrorCode } from '../errors/ops.error';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
type DurationUnit = keyof typeof UNIT_MS;

// "90s", "1h30m", "2d": one or more <whole number><unit>, largest units first by habit only.
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w))+$/;
const DURATION_PART = /(\d+)(ms|s|m|h|d|w)/g;
// A date, optionally with a time; Date.parse alone accepts too much ("1", "May 3").
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** "1h30m" → 5 400 000. Throws `OPS_BAD_TIME` naming `field` (the parameter it was given as) on anything else. */
export function parseDuration(text: string, field = 'duration'): number {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) {
    throw new OpsError(OpsErrorCode.BadTime, `${field} "${text}" is not a duration; use e.g. 30s, 10m, 1h30m, 2d`, { detail: { fields: [field] } });
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(DURATION_PART)) total += Number(amount) * UNIT_MS[unit as DurationUnit];
  return total;
}

/**
 * A point in time (a read's start or end, a reset target): an ISO 8601 date-time (no zone = UTC, so a
 * command means the same on every operator's machine) or a duration ago ("10m" = ten minutes
 * before `now`). Returns epoch milliseconds, the unit of Kafka record timestamps.
 */
export function parseTimeSpec(text: string, now: number, field = 'time'): number {
  const trimmed = text.trim();
  if (DURATION.test(trimmed)) return now - parseDuration(trimmed, field);
  if (ISO_8601.test(trimmed)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed) || !trimmed.includes(':') ? trimmed : `${trimmed}Z`;
    const at = Date.parse(zoned.replace(' ', 'T'));
    if (!Number.isNaN(at)) return at;
  }
  throw new OpsError(OpsErrorCode.BadTime, `${field} "${text}" is not a time; use ISO 8601 (2025-05-01T12:00:00Z) or a duration ago (10m, 2h, 1d)`, {
    detail: { fields: [field] },
  });
}
