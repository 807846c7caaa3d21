import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ContentType } from '../http/content-types';

/** What the auth specs check: status, the challenge header and the body. */
interface AuthorizedResponse {
  readonly status: number;
  readonly wwwAuthenticate: string | undefined;
  readonly body: unknown;
}

export type AuthorizedCall = (method: string, path: string, authorization?: string, body?: unknown) => Promise<AuthorizedResponse>;

export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/**
 * Requests with an Authorization header, over HTTP or (with `ca`) HTTPS. node:http(s) rather
 * than fetch: fetch cannot be told to trust one CA without undici's own Agent.
 */
export function authorizedHttp(baseUrl: string, ca?: Buffer): AuthorizedCall {
  return (method, path, authorization, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {};
      if (authorization !== undefined) headers.Authorization = authorization;
      if (payload !== undefined) headers['Content-Type'] = ContentType.V1;
      const url = new URL(path, baseUrl);
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Left as text for the spec to judge.
          }
          const challenge = res.headers['www-authenticate'];
          resolve({ status: res.statusCode ?? 0, wwwAuthenticate: Array.isArray(challenge) ? challenge.join(', ') : challenge, body: parsed });
        });
      };
      const req = url.protocol === 'https:' ? httpsRequest(url, { method, headers, ca }, onResponse) : httpRequest(url, { method, headers }, onResponse);
      req.on('error', reject);
      req.end(payload);
    });
}
