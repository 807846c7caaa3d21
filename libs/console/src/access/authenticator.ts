import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONSOLE_CONFIG } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import type { ConsoleUser } from './console-user';
import { hashPassword, verifyPassword } from './password-hash';

/**
 * Checks credentials against the configured mode. Says only yes or no: which part was wrong
 * (unknown user, wrong password) is never returned, and an unknown user costs the same scrypt
 * as a known one, so timing does not tell either.
 */
@Injectable()
export class Authenticator {
  /** Hash of a random password: what an unknown user's attempt is checked against. */
  private decoy?: Promise<string>;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  async login(body: unknown): Promise<ConsoleUser | undefined> {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const auth = this.config.auth;
    if (auth.mode === 'users') {
      const { user, password } = fields;
      if (typeof user !== 'string' || typeof password !== 'string' || password.length > 1024) return undefined;
      const entry = auth.users.find((u) => u.name === user);
      const ok = await verifyPassword(password, entry?.passwordHash ?? (await (this.decoy ??= hashPassword(randomBytes(16).toString('hex')))));
      return ok && entry ? { name: entry.name, role: entry.role, authMode: 'users', via: 'session' } : undefined;
    }
    if (auth.mode === 'token') return typeof fields.token === 'string' ? this.token(fields.token, 'session') : undefined;
    return undefined;
  }

  /** `Authorization: Bearer <token>` (token mode only). */
  bearer(token: string): ConsoleUser | undefined {
    return this.config.auth.mode === 'token' ? this.token(token, 'bearer') : undefined;
  }

  private token(candidate: string, via: 'session' | 'bearer'): ConsoleUser | undefined {
    const auth = this.config.auth;
    if (auth.mode !== 'token') return undefined;
    return sameSecret(candidate, auth.token.reveal()) ? { name: 'token', role: auth.role, authMode: 'token', via } : undefined;
  }
}

/** Constant-time over equal-length digests, so neither content nor length leaks through timing. */
export function sameSecret(candidate: string, secret: string): boolean {
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}
