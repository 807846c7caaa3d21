import { createHash, timingSafeEqual } from 'node:crypto';

export interface TokenCredential {
  readonly kind: 'token';
  readonly digest: Buffer;
}

export const TOKEN_PREFIX = 'token-sha256$';
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Bearer tokens are stored as an unsalted SHA-256: unlike passwords they are random and long
 * (hash-password refuses fewer than 32 characters), so a fast hash cannot be brute-forced,
 * and one hash per request costs nothing.
 */
export function hashToken(token: string): string {
  return `${TOKEN_PREFIX}${tokenDigest(token).toString('hex')}`;
}

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function tokenMatches(presentedDigest: Buffer, credential: TokenCredential): boolean {
  return timingSafeEqual(presentedDigest, credential.digest);
}

/** Parses `token-sha256$<64 hex digits>`; the reason never repeats the text. */
export function parseTokenCredential(text: string): TokenCredential | { problem: string } {
  const hex = text.slice(TOKEN_PREFIX.length);
  if (!text.startsWith(TOKEN_PREFIX) || !HEX_SHA256.test(hex)) {
    return { problem: 'a token credential is token-sha256$ followed by 64 hex digits (the SHA-256 of the token)' };
  }
  return { kind: 'token', digest: Buffer.from(hex, 'hex') };
}
