import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { WWW_AUTHENTICATE } from '../auth/auth-challenge';
import { RegistryErrorCode, httpStatusOf } from '../registry/registry-error-code';
import { RegistryError } from '../registry/registry.error';
import { SchemaStoreError } from '../store/schema-store.error';

/**
 * Every failure leaves as Confluent's error body, `{"error_code": N, "message": "..."}`:
 * clients (kafkajs's and Confluent's) read `error_code` and `message` and nothing else.
 * Messages are built from the registry's own wording and request parameters, never from
 * request headers, so no credential can reach a body or the error log.
 */
@Catch()
export class RegistryExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(RegistryExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const { code, message } = this.describe(exception);
    if (httpStatusOf(code) >= 500) this.logger.error(message, exception instanceof Error ? exception.stack : undefined);
    res.statusCode = httpStatusOf(code);
    // RFC 7235: a 401 must say how to authenticate.
    if (code === RegistryErrorCode.Unauthorized) res.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
    res.end(JSON.stringify({ error_code: code, message }));
  }

  private describe(exception: unknown): { code: number; message: string } {
    if (exception instanceof RegistryError) return { code: exception.code, message: exception.message };
    if (exception instanceof SchemaStoreError) return { code: exception.code, message: exception.message };
    if (exception instanceof HttpException) return { code: exception.getStatus(), message: exception.message };
    return { code: RegistryErrorCode.StoreError, message: `internal error: ${exception instanceof Error ? exception.message : String(exception)}` };
  }
}
