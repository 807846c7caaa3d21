import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Paths the API owns; everything else that is a GET is the web front-end. */
const SERVER_PATHS = [/^\/api(\/|$)/, /^\/health$/, /^\/metrics$/];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite names built assets `name-<hash>.ext`: such a file never changes, so it is cached for good. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eventline console</title></head>
<body><h1>The console's web front-end is not built</h1>
<p>The API is running. Build the front-end once with <code>npm run build:console</code>
(it writes <code>apps/console/dist/web</code>), then reload this page.</p></body></html>
`;

type Next = (error?: unknown) => void;

/**
 * Serves the built front-end from `webDir`: files as they are, and index.html for every other
 * GET outside /api, /health and /metrics, so the single-page app's own routes (`/groups/x`)
 * load it too. A missing file under /assets/ stays a 404 (a stale page asking for an old
 * bundle must not get HTML for its script). No sign-in needed: the app shows its sign-in page
 * when the API answers 401.
 */
export function staticWeb(webDir: string): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
  const root = resolve(webDir);
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = pathOf(request.url ?? '/');
    if (path === undefined) return send(response, request, 400, 'text/plain; charset=utf-8', 'bad path\n');
    if (SERVER_PATHS.some((p) => p.test(path))) return next();
    const index = join(root, 'index.html');
    if (!isFile(index)) return send(response, request, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE, 'no-store');
    const file = resolve(root, `.${path}`);
    const inside = file === root || file.startsWith(root + sep);
    if (inside && path !== '/' && isFile(file)) {
      const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return stream(response, request, file, CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', cache, next);
    }
    if (path.startsWith('/assets/') || !inside) return send(response, request, 404, 'text/plain; charset=utf-8', 'not found\n');
    // index.html must be revalidated: it names the current hashed bundles.
    stream(response, request, index, CONTENT_TYPES['.html'], 'no-cache', next);
  };
}

function pathOf(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, 'http://console').pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string, cache = 'no-cache'): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', cache);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(request.method === 'HEAD' ? undefined : body);
}

function stream(response: ServerResponse, request: IncomingMessage, file: string, type: string, cache: string, next: Next): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', cache);
  response.setHeader('Content-Length', statSync(file).size);
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).on('error', next).pipe(response);
}
