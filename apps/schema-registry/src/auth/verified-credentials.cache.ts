import { createHmac, randomBytes } from 'node:crypto';
import type { Principal } from './registry-user';

/**
 * Remembers Basic credentials that verified, so a client that sends the same header on every
 * request pays scrypt once rather than on every call (its cost: docs/benchmark-notes.md).
 * Keys are an HMAC under a key made at start and never stored, so the cache holds nothing a
 * memory dump could turn back into a password. Failures are never cached: every wrong guess
 * costs the full scrypt. The users file is read once per process, so an entry never goes
 * stale; the bound only caps memory.
 */
export class VerifiedCredentialsCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Principal>();

  constructor(private readonly capacity = 1024) {}

  get(user: string, password: string): Principal | undefined {
    return this.entries.get(this.keyOf(user, password));
  }

  remember(user: string, password: string, principal: Principal): void {
    if (this.entries.size >= this.capacity) {
      // Map iterates in insertion order: the first key is the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(this.keyOf(user, password), principal);
  }

  private keyOf(user: string, password: string): string {
    // user cannot contain ':' (RFC 7617), so "user:password" is unambiguous.
    return createHmac('sha256', this.key).update(`${user}:${password}`, 'utf8').digest('base64');
  }
}
