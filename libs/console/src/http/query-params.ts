import { parseTimeSpec } from '@eventline/ops';
import { badRequest } from '../errors/console.error';

/** What Express hands a controller for `?a=1&a=2`: a string, a list, or nothing. */
export type QueryValue = string | string[] | undefined;

/** The one value of a query parameter; repeated or empty counts as absent only when empty. */
export function oneValue(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(name, `${name} may be given once`);
  return value;
}

export function optionalInt(name: string, value: unknown, bounds: { min: number; max: number }): number | undefined {
  const text = oneValue(name, value);
  if (text === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(text)) throw badRequest(name, `${name} must be a whole number, not "${text}"`);
  const n = Number(text);
  if (n < bounds.min || n > bounds.max) throw badRequest(name, `${name} must be from ${bounds.min} to ${bounds.max}, not ${n}`);
  return n;
}

export function requiredInt(name: string, value: unknown, bounds: { min: number; max: number }): number {
  const n = optionalInt(name, value, bounds);
  if (n === undefined) throw badRequest(name, `${name} is required`);
  return n;
}

/** Offsets are int64: parsed to bigint, never through a JS number. */
export function optionalOffset(name: string, value: unknown): bigint | undefined {
  const text = oneValue(name, value);
  if (text === undefined) return undefined;
  if (!/^\d{1,19}$/.test(text)) throw badRequest(name, `${name} must be an offset (a whole number ≥ 0), not "${text}"`);
  return BigInt(text);
}

/** ISO 8601 or a duration ago (`15m`), as the CLI takes them; epoch ms. */
export function optionalTime(name: string, value: unknown, now: number): number | undefined {
  const text = oneValue(name, value);
  return text === undefined ? undefined : parseTimeSpec(text, now, name);
}

export function requiredString(name: string, value: unknown): string {
  const text = oneValue(name, value);
  if (text === undefined) throw badRequest(name, `${name} is required`);
  return text;
}

/** A body must be a JSON object; anything else is refused before a field is read. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', 'the request body must be a JSON object');
  return body as Record<string, unknown>;
}

export function optionalBodyString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(name, `${name} must be a string`);
  return value;
}

export function requiredBodyString(body: Record<string, unknown>, name: string): string {
  const value = optionalBodyString(body, name);
  if (value === undefined) throw badRequest(name, `${name} is required`);
  return value;
}
