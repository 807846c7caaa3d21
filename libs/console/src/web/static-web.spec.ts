import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from './security-headers';
import { staticWeb } from './static-web';

/** The middlewares on a plain HTTP server; `next()` answers 418 so the spec sees what fell through. */
async function serve(webDir: string): Promise<{ url: string; server: Server }> {
  const web = staticWeb(webDir);
  const server = createServer((request, response) =>
    securityHeaders(request, response, () =>
      web(request, response, () => {
        response.statusCode = 418;
        response.end('to the API');
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the static front-end', () => {
  let dir: string;
  let url: string;
  let server: Server;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-3f9a1c2B.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    ({ url, server } = await serve(dir));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/groups/fulfillment-worker', '/dead-letters/orders.dlq?code=X'])('answers index.html for the app route %s, revalidated', async (path) => {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>console</title>');
  });

  it('serves a hashed asset cached for good, with its type', async () => {
    const response = await fetch(`${url}/assets/index-3f9a1c2B.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${url}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing asset, not the page', async () => {
    expect((await fetch(`${url}/assets/index-00000000.js`)).status).toBe(404);
  });

  it.each(['/api/session', '/api', '/health', '/metrics'])('leaves %s to the API', async (path) => {
    expect((await fetch(`${url}${path}`)).status).toBe(418);
  });

  it('leaves other methods to the API', async () => {
    expect((await fetch(`${url}/groups`, { method: 'POST' })).status).toBe(418);
  });

  it('never leaves the web folder', async () => {
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const response = await fetch(`${url}${path}`);
      expect(await response.text()).not.toContain('root:');
    }
  });

  it('sets the security headers on every answer', async () => {
    for (const path of ['/', '/assets/index-3f9a1c2B.js', '/api/x']) {
      const headers = (await fetch(`${url}${path}`)).headers;
      expect(headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('says how to build the front-end when it is missing', async () => {
    const missing = await serve(join(dir, 'not-built'));
    try {
      const response = await fetch(`${missing.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:console');
      expect((await fetch(`${missing.url}/health`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => missing.server.close(resolve));
    }
  });
});
