import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters as stored: N (CPU/memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface ScryptCredential extends ScryptParams {
  readonly kind: 'scrypt';
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/**
 * N=2^15, r=8: 32 MiB and tens of milliseconds per hash (figures: docs/benchmark-notes.md,
 * Schema registry). Every Basic request needs a verification, which is why Authenticator
 * remembers successful ones.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export const SCRYPT_PREFIX = 'scrypt$';
const SALT_BYTES = 16;
const HASH_BYTES = 32;

// Bounds for entries read from a users file. The lower bound on N is the usual interactive
// minimum (2^14); the memory bound keeps one request from allocating more than 256 MiB.
const MIN_N = 2 ** 14;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const WHOLE_NUMBER = /^[1-9]\d{0,9}$/;

/** `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, with a fresh random salt. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, params);
  return `${SCRYPT_PREFIX}${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, credential: ScryptCredential): Promise<boolean> {
  const derived = await derive(password, credential.salt, credential.hash.length, credential);
  return timingSafeEqual(derived, credential.hash);
}

/**
 * Parses a stored scrypt credential, or says what is wrong with it. The reason never repeats
 * the text: it may be a real hash, and the caller puts the reason in a startup error.
 */
export function parseScryptCredential(text: string): ScryptCredential | { problem: string } {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    return { problem: 'a scrypt credential has 6 fields: scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>' };
  }
  const [, rawN, rawR, rawP, rawSalt, rawHash] = parts;
  if (![rawN, rawR, rawP].every((raw) => WHOLE_NUMBER.test(raw))) return { problem: 'scrypt N, r and p must be positive whole numbers' };
  const [N, r, p] = [rawN, rawR, rawP].map(Number);
  if (N < MIN_N || (N & (N - 1)) !== 0) return { problem: `scrypt N must be a power of two of at least ${MIN_N}` };
  if (r > 32 || p > 16) return { problem: 'scrypt r must be at most 32 and p at most 16' };
  if (memoryOf({ N, r, p }) > MAX_MEMORY_BYTES) return { problem: `scrypt N and r need more than ${MAX_MEMORY_BYTES / 1024 / 1024} MiB per verification (128*N*r)` };
  const salt = base64(rawSalt);
  const hash = base64(rawHash);
  if (salt === undefined || salt.length < SALT_BYTES) return { problem: `the scrypt salt must be base64 of at least ${SALT_BYTES} bytes` };
  if (hash === undefined || hash.length < 16 || hash.length > 128) return { problem: 'the scrypt hash must be base64 of 16 to 128 bytes' };
  return { kind: 'scrypt', N, r, p, salt, hash };
}

function derive(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // Node refuses when 128*N*r exceeds maxmem (32 MiB by default, which N=2^15, r=8 just reaches).
  const options: ScryptOptions = { N, r, p, maxmem: 2 * memoryOf({ N, r, p }) };
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

function memoryOf({ N, r }: ScryptParams): number {
  return 128 * N * r;
}

function base64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
