import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ORDERS_ERRORS, OrdersErrorCode } from '../errors/orders-error-code';
import { OrdersError } from '../errors/orders.error';
import { BODY_LIMIT_BYTES } from './body-limit';

/** The part of Express's response the filter uses. */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
  setHeader(name: string, value: string): void;
}

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * Every error of the API as `{ error: { code, message, fields? } }` with the status of its
 * code, including body-parser refusals (malformed JSON, body too large) and unknown routes.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof HttpException && ![400, 404, 413].includes(error.getStatus())) {
      // Not ours to reshape: terminus answers 503 with the health report as its body.
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    const known = this.toOrdersError(error);
    const { status } = ORDERS_ERRORS[known.code];
    // A 5xx that a retry will not fix is a bug or an outage of ours: log it with its stack.
    if (status >= 500 && !known.retriable) {
      this.logger.error(`${known.code}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (known.retriable) response.setHeader('Retry-After', '1');
    response.status(status).json({ error: { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) } });
  }

  private toOrdersError(error: unknown): OrdersError {
    if (error instanceof OrdersError) return error;
    const parser = (error instanceof HttpException ? error.cause : error) as BodyParserError | undefined;
    if (parser?.type === 'entity.too.large' || (error instanceof HttpException && error.getStatus() === 413)) {
      return new OrdersError(OrdersErrorCode.BodyTooLarge, `the request body is larger than the ${BODY_LIMIT_BYTES / 1024} KB limit`);
    }
    if (parser?.type === 'entity.parse.failed') return new OrdersError(OrdersErrorCode.MalformedJson, 'the request body is not valid JSON');
    if (error instanceof HttpException && error.getStatus() === 404) return new OrdersError(OrdersErrorCode.RouteNotFound, error.message);
    if (error instanceof HttpException && error.getStatus() === 400) return new OrdersError(OrdersErrorCode.MalformedJson, error.message);
    return new OrdersError(OrdersErrorCode.Internal, 'internal error', { cause: error });
  }
}
