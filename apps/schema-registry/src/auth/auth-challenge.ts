/**
 * The challenge a 401 carries (RFC 7235). Basic is the scheme Confluent's clients and curl
 * answer; clients holding a token send `Bearer` without being asked.
 */
const AUTH_REALM = 'eventline-schema-registry';
export const WWW_AUTHENTICATE = `Basic realm="${AUTH_REALM}"`;

/** Same text for an unknown user and a wrong password, so a 401 does not say which names exist. */
export const AuthMessage = {
  Missing: 'Unauthorized: this registry requires credentials: send HTTP Basic (Authorization: Basic ...) or a token (Authorization: Bearer ...)',
  Invalid: 'Unauthorized: invalid credentials',
} as const;
