import type { ConsoleUser } from './console-user';

/** The part of Express's request the access code reads. */
export interface ConsoleRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket: { readonly remoteAddress?: string; readonly encrypted?: boolean };
  /** Set by the access guard. */
  consoleUser?: ConsoleUser;
  consoleSessionId?: string;
}

export const SESSION_COOKIE = 'eventline_console_session';

export function header(request: ConsoleRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function cookieValue(request: ConsoleRequest, name: string): string | undefined {
  const raw = header(request, 'cookie');
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/** The last hop's claim (the proxy appends it), only when the proxy is trusted. */
function forwarded(request: ConsoleRequest, name: string, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const value = header(request, name);
  return value?.split(',').pop()?.trim() || undefined;
}

export function isHttps(request: ConsoleRequest, trustProxy: boolean): boolean {
  return request.socket.encrypted === true || forwarded(request, 'x-forwarded-proto', trustProxy) === 'https';
}

/** `https://console.example.com`, as the browser names the console in its Origin header. */
export function ownOrigin(request: ConsoleRequest, trustProxy: boolean): string | undefined {
  const host = forwarded(request, 'x-forwarded-host', trustProxy) ?? header(request, 'host');
  return host ? `${isHttps(request, trustProxy) ? 'https' : 'http'}://${host.toLowerCase()}` : undefined;
}

export function clientAddress(request: ConsoleRequest, trustProxy: boolean): string {
  return forwarded(request, 'x-forwarded-for', trustProxy) ?? request.socket.remoteAddress ?? 'unknown';
}
