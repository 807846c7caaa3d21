import { readFileSync } from 'node:fs';
import type { RegistryConnectionSettings } from '../settings/connection-settings';
import { Secret } from '../settings/secret';

/** What an HTTP client needs to call the registry: the URL, an Authorization header, a CA. */
export interface RegistryClientConnection {
  readonly url: string;
  /** The whole `Authorization` header value (`Basic …` or `Bearer …`). */
  readonly authorization?: Secret;
  /** PEM bytes of the CA that signed the registry's certificate; unset: the system's. */
  readonly ca?: Buffer;
}

/** Settings → one client connection; the CA file is read once, here. */
export function registryClientConnection(settings: RegistryConnectionSettings): RegistryClientConnection {
  const auth = settings.auth;
  const authorization =
    auth?.kind === 'basic'
      ? new Secret(`Basic ${Buffer.from(`${auth.username}:${auth.password.reveal()}`).toString('base64')}`, auth.password.source)
      : auth?.kind === 'bearer'
        ? new Secret(`Bearer ${auth.token.reveal()}`, auth.token.source)
        : undefined;
  return { url: settings.url, authorization, ca: settings.ca ? readFileSync(settings.ca.path) : undefined };
}

/** A connection for a bare URL (tests, defaults): no credentials, the system's CAs. */
export function plainRegistryConnection(url: string): RegistryClientConnection {
  return { url: url.replace(/\/+$/, '') };
}
