/**
 * A small schema layer for JSON request bodies: each rule reads one value at a path and
 * records what is wrong with it, so one answer lists every bad field. Objects reject unknown
 * fields (a misspelt `lineItem` must not be silently ignored) and say which are missing.
 */
import { OrdersErrorCode } from '../errors/orders-error-code';
import { OrdersError } from '../errors/orders.error';

type Problems = Record<string, string>;

/** Reads `value` at `path`; on a problem records it and returns undefined. */
export type Rule<T> = (value: unknown, path: string, problems: Problems) => T | undefined;

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);
const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export function text(options: { readonly min?: number; readonly max: number; readonly pattern?: RegExp; readonly expected?: string }): Rule<string> {
  const min = options.min ?? 1;
  return (value, path, problems) => {
    if (typeof value !== 'string') return void (problems[path] = `must be a string (got ${describe(value)})`);
    if (value.trim().length < min) return void (problems[path] = min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if (value.length > options.max) return void (problems[path] = `must be at most ${options.max} characters`);
    if (options.pattern && !options.pattern.test(value)) return void (problems[path] = `must be ${options.expected ?? `like ${options.pattern}`}`);
    return value;
  };
}

export function wholeNumber(min: number, max: number): Rule<number> {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return void (problems[path] = `must be a whole number (got ${describe(value)})`);
    if (value < min || value > max) return void (problems[path] = `must be from ${min} to ${max}`);
    return value;
  };
}

/**
 * Money in minor units as an Avro long. Accepted as a JSON number only while it is a safe
 * integer (above 2^53 a JSON number has already lost digits), or as a string of digits.
 */
export function minorUnits(max: bigint): Rule<bigint> {
  return (value, path, problems) => {
    let amount: bigint | undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value);
    else if (typeof value === 'string' && /^\d{1,19}$/.test(value)) amount = BigInt(value);
    if (amount === undefined || amount < 0n) {
      return void (problems[path] = 'must be a whole number of minor units ≥ 0 (a number up to 2^53, or a string of digits)');
    }
    if (amount > max) return void (problems[path] = `must be at most ${max}`);
    return amount;
  };
}

export function oneOf<const T extends string>(allowed: readonly T[]): Rule<T> {
  return (value, path, problems) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) return void (problems[path] = `must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function arrayOf<T>(item: Rule<T>, min: number, max: number): Rule<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return void (problems[path] = `must be an array (got ${describe(value)})`);
    if (value.length < min || value.length > max) return void (problems[path] = `must hold ${min} to ${max} items (got ${value.length})`);
    const out: T[] = [];
    let ok = true;
    value.forEach((element, i) => {
      const parsed = item(element, at(path, i), problems);
      if (parsed === undefined) ok = false;
      else out.push(parsed);
    });
    return ok ? out : undefined;
  };
}

/** Marks a field as optional: absent (or null when `nullable`) gives `fallback`. */
export interface Optional<T, F> {
  readonly optional: true;
  readonly rule: Rule<T>;
  readonly fallback: F;
  readonly nullable: boolean;
}

export function optional<T, F = undefined>(rule: Rule<T>, options: { readonly fallback?: F; readonly nullable?: boolean } = {}): Optional<T, F> {
  return { optional: true, rule, fallback: options.fallback as F, nullable: options.nullable ?? false };
}

type FieldRule = Rule<unknown> | Optional<unknown, unknown>;
type Shape = Readonly<Record<string, FieldRule>>;
type Parsed<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Optional<infer T, infer F> ? T | F : S[K] extends Rule<infer T> ? T : never;
};

export function object<const S extends Shape>(shape: S): Rule<Parsed<S>> {
  return (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void (problems[path || 'body'] = `must be a JSON object (got ${describe(value)})`);
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key)) {
        problems[at(path, key)] = `is not a known field (known: ${Object.keys(shape).join(', ')})`;
        ok = false;
      }
    }
    for (const [key, field] of Object.entries(shape)) {
      const raw = input[key];
      if ('optional' in field) {
        if (raw === undefined || (raw === null && field.nullable)) {
          out[key] = field.fallback;
          continue;
        }
        const parsed = field.rule(raw, at(path, key), problems);
        if (parsed === undefined) ok = false;
        out[key] = parsed;
      } else if (raw === undefined) {
        problems[at(path, key)] = 'is required';
        ok = false;
      } else {
        const parsed = field(raw, at(path, key), problems);
        if (parsed === undefined) ok = false;
        out[key] = parsed;
      }
    }
    return ok ? (out as Parsed<S>) : undefined;
  };
}

/** Parses a request body with `rule`, or throws one 400 error naming every bad field. */
export function parseBody<T>(rule: Rule<T>, body: unknown): T {
  const problems: Problems = {};
  const parsed = rule(body, '', problems);
  if (parsed === undefined || Object.keys(problems).length > 0) {
    throw new OrdersError(OrdersErrorCode.InvalidRequest, `the request body is invalid: ${Object.keys(problems).join(', ')}`, { fields: problems });
  }
  return parsed;
}
