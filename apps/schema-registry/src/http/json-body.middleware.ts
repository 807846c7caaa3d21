import type { IncomingMessage, ServerResponse } from 'node:http';
import { RegistryErrorCode } from '../registry/registry-error-code';
import { ACCEPTED_REQUEST_TYPES, RESPONSE_CONTENT_TYPE } from './content-types';

/** Larger than any sane schema; Confluent's default request limit is of the same order. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

type Request = IncomingMessage & { body?: unknown };
type Next = (error?: unknown) => void;

/**
 * Sets Confluent's response media type and parses JSON bodies of the three media types the
 * registry accepts. Written here instead of using body-parser because a malformed body must
 * get a registry error body (`{"error_code":422,...}`), and errors thrown inside Express
 * middleware never reach Nest's exception filters.
 */
export function jsonBodyMiddleware(req: Request, res: ServerResponse, next: Next): void {
  res.setHeader('Content-Type', RESPONSE_CONTENT_TYPE);
  if (req.method !== 'POST' && req.method !== 'PUT') return next();

  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES && !refused) {
      refused = true;
      reply(res, 413, 413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
    } else if (!refused) chunks.push(chunk);
  });
  req.on('error', (error) => next(error));
  req.on('end', () => {
    if (refused) return;
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return next();
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== '' && !ACCEPTED_REQUEST_TYPES.has(mediaType)) {
      return reply(res, 415, RegistryErrorCode.UnsupportedMediaType, `unsupported Content-Type ${mediaType}: send one of ${[...ACCEPTED_REQUEST_TYPES].join(', ')}`);
    }
    try {
      req.body = JSON.parse(text);
    } catch (error) {
      return reply(res, 422, RegistryErrorCode.UnprocessableEntity, `request body is not valid JSON: ${(error as Error).message}`);
    }
    next();
  });
}

function reply(res: ServerResponse, status: number, code: number, message: string): void {
  res.statusCode = status;
  res.end(JSON.stringify({ error_code: code, message }));
}
