/** The part of Node's response the middlewares set. */
export interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/**
 * On every answer (API, static files, errors). The front-end is built (no inline scripts, no
 * CDN), so `'self'` is all it needs; nothing may frame the console (clickjacking a "redrive"
 * button), and no URL with a group or topic name leaks to another site in a Referer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function securityHeaders(_request: unknown, response: HeaderResponse, next: () => void): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  next();
}
