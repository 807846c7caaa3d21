import type { IncomingMessage, ServerResponse } from 'node:http';
import { ORDERS_ERRORS, OrdersErrorCode } from '../errors/orders-error-code';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Every write of the API takes a JSON body. Without `Content-Type: application/json` the JSON
 * parser leaves the body unread, and the request would fail validation with a puzzling
 * "must be a JSON object (got undefined)"; answer 415 saying what to send instead.
 */
export function jsonContentTypeMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!WITH_BODY.has(req.method ?? '') || JSON_TYPE.test(req.headers['content-type'] ?? '')) return next();
  const got = req.headers['content-type'] ? `"${req.headers['content-type'].slice(0, 100)}"` : 'none';
  const code = OrdersErrorCode.UnsupportedMediaType;
  res.statusCode = ORDERS_ERRORS[code].status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: { code, message: `the request body must be JSON: send the header "Content-Type: application/json" (got content type ${got})` } }));
}
