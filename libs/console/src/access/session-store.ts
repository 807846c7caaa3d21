import { randomBytes } from 'node:crypto';
import type { ConsoleUser } from './console-user';

export interface Session {
  readonly id: string;
  readonly user: ConsoleUser;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

/** Bounds memory under a flood of sign-ins; the oldest session goes first. */
const MAX_SESSIONS = 10_000;

/**
 * Sessions in memory, with a fixed lifetime from sign-in. A restart signs everyone out,
 * which is what a console with one process wants (nothing to store, nothing to leak).
 * Ids and CSRF tokens are 256 random bits.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(user: ConsoleUser): Session {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    const session: Session = { id: randomToken(), user, csrfToken: randomToken(), expiresAt: this.now() + this.ttlMs };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
