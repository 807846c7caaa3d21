import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ConnectionError, ConnectionErrorCode } from '../errors/connection-config.error';
import type { RegistryClientConnection } from './registry-client-connection';

export interface RegistryAnswer {
  readonly status: number;
  /** Parsed JSON, or the text when the body is not JSON. */
  readonly body: unknown;
}

export interface RegistryHttpOptions {
  readonly timeoutMs?: number;
  /** Names the setting to change in an authentication error, e.g. "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO". */
  readonly credentialsHint?: string;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * The one raw HTTP client for the registry's REST API (probes, the schema gate, the CLI):
 * it sends the credentials and trusts the configured CA, and turns 401/403 into a
 * ConnectionError that says which setting to change — a configuration error, never retried.
 * Other statuses come back as answers; an unreachable registry is a retriable ConnectionError.
 */
export class RegistryHttpClient {
  private readonly timeoutMs: number;

  constructor(
    readonly connection: RegistryClientConnection,
    private readonly options: RegistryHttpOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  get(path: string): Promise<RegistryAnswer> {
    return this.request('GET', path);
  }

  async request(method: string, path: string, body?: unknown): Promise<RegistryAnswer> {
    const answer = await this.send(method, path, body);
    if (answer.status === 401 || answer.status === 403) throw this.refused(answer);
    return answer;
  }

  private send(method: string, path: string, body?: unknown): Promise<RegistryAnswer> {
    const url = new URL(`${this.connection.url}${path}`);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: `${CONTENT_TYPE}, application/json` };
    if (payload !== undefined) headers['content-type'] = CONTENT_TYPE;
    if (this.connection.authorization) headers.authorization = this.connection.authorization.reveal();
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, { method, headers, timeout: this.timeoutMs, ...(this.connection.ca ? { ca: this.connection.ca } : {}) }, (res) =>
        readBody(res).then(resolve, reject),
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (error: NodeJS.ErrnoException) => reject(this.unreachable(method, path, error)));
      req.end(payload);
    });
  }

  private refused(answer: RegistryAnswer): ConnectionError {
    const body = answer.body as { error_code?: number; message?: string } | undefined;
    const code = typeof body?.error_code === 'number' ? `, error ${body.error_code}` : '';
    const hint = this.options.credentialsHint ?? 'SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO or SCHEMA_REGISTRY_BEARER_TOKEN';
    if (answer.status === 401) {
      const what = this.connection.authorization ? 'refused the credentials' : 'requires credentials and none are set';
      return new ConnectionError(ConnectionErrorCode.AuthenticationFailed, `schema registry ${this.connection.url} ${what} (401${code}): check ${hint}`, false);
    }
    return new ConnectionError(
      ConnectionErrorCode.NotAuthorized,
      `schema registry ${this.connection.url} denied the request (403${code}): the user lacks the role for it (read, write or admin)`,
      false,
    );
  }

  private unreachable(method: string, path: string, error: NodeJS.ErrnoException): ConnectionError {
    const tls = describeTlsError(error, 'SCHEMA_REGISTRY_CA_FILE (schema.registry.ssl.ca.location)');
    if (tls) return new ConnectionError(ConnectionErrorCode.AuthenticationFailed, `schema registry ${this.connection.url}: ${tls}`, false, { cause: error });
    const reason = error.code === 'ECONNREFUSED' ? 'connection refused' : error.code === 'ENOTFOUND' ? 'host not found' : (error.code ?? error.message);
    return new ConnectionError(ConnectionErrorCode.Unreachable, `schema registry ${this.connection.url} unreachable (${method} ${path}: ${reason})`, true, {
      cause: error,
    });
  }
}

async function readBody(res: IncomingMessage): Promise<RegistryAnswer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.statusCode ?? 0, body };
}

/** OpenSSL verification failures in words a person can act on; undefined if not TLS. */
export function describeTlsError(error: { code?: string; message?: string }, caSetting = 'the CA file'): string | undefined {
  switch (error.code) {
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return `its TLS certificate is not signed by a trusted CA (${error.code}): set ${caSetting} to the CA that signed it`;
    case 'CERT_HAS_EXPIRED':
      return 'its TLS certificate has expired (CERT_HAS_EXPIRED): renew the server certificate';
    case 'CERT_NOT_YET_VALID':
      return 'its TLS certificate is not valid yet (CERT_NOT_YET_VALID): check the clocks';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate does not name this host (${error.message ?? error.code}): connect by a name in the certificate`;
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'the TLS handshake failed (it may not speak TLS on this port): check http:// vs https:// and the port';
    default:
      return undefined;
  }
}
