import { BadRequestException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { Classification, EventlineError } from '@eventline/errors';
import { ConsoleError, ConsoleErrorCode } from './console.error';
import { ConsoleErrorFilter } from './console-error.filter';

class OpsLikeError extends EventlineError<string> {
  constructor(code: string, message: string, retriable = false, readonly detail?: Record<string, unknown>) {
    super(code, message, retriable ? Classification.Transient : Classification.Final);
  }
}

function answer(error: unknown) {
  const logged: unknown[] = [];
  const log = { error: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
  const result: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    status: (status: number) => ({ json: (body: unknown) => Object.assign(result, { status, body }) }),
    setHeader: (name: string, value: string) => void (result.headers[name] = value),
  };
  new ConsoleErrorFilter(log).catch(error, { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost);
  return { ...result, logged };
}

const kafkaJsError = (name: string, type?: string) => Object.assign(new Error('denied'), { name, type });

describe('the console error filter', () => {
  it.each<[string, unknown, number, string]>([
    ['UNKNOWN_TOPIC', new OpsLikeError('UNKNOWN_TOPIC', 'no topic orders2'), 404, 'UNKNOWN_TOPIC'],
    ['UNKNOWN_GROUP', new OpsLikeError('UNKNOWN_GROUP', 'no group g'), 404, 'UNKNOWN_GROUP'],
    ['NOT_FOUND', new OpsLikeError('NOT_FOUND', 'no record'), 404, 'NOT_FOUND'],
    ['GROUP_ACTIVE', new OpsLikeError('GROUP_ACTIVE', 'the group has 2 members'), 409, 'GROUP_ACTIVE'],
    ['ALREADY_RUNNING', new OpsLikeError('ALREADY_RUNNING', 'a replay runs'), 409, 'ALREADY_RUNNING'],
    ['BAD_ARGUMENT', new OpsLikeError('BAD_ARGUMENT', 'offset: not a number'), 400, 'BAD_ARGUMENT'],
    ['INVALID_* by prefix', new OpsLikeError('INVALID_RANGE', 'from after to'), 400, 'INVALID_RANGE'],
    ['KAFKA_UNAVAILABLE', new OpsLikeError('KAFKA_UNAVAILABLE', 'Kafka away', true), 503, 'KAFKA_UNAVAILABLE'],
    ['REGISTRY_UNAVAILABLE', new OpsLikeError('REGISTRY_UNAVAILABLE', 'registry away', true), 503, 'REGISTRY_UNAVAILABLE'],
    ['NOT_AUTHORIZED', new OpsLikeError('NOT_AUTHORIZED', 'Kafka denied DESCRIBE on group g'), 502, 'NOT_AUTHORIZED'],
    ['the console’s CSRF refusal', new ConsoleError(ConsoleErrorCode.CsrfRejected, 'no token'), 403, 'CSRF_REJECTED'],
    ['an unlisted retriable code', new OpsLikeError('SOMETHING_TRANSIENT', 'try later', true), 503, 'SOMETHING_TRANSIENT'],
    ['an unlisted final code', new OpsLikeError('SOMETHING_ODD', 'odd'), 500, 'SOMETHING_ODD'],
    ['a Nest 404', new NotFoundException('Cannot GET /api/nope'), 404, 'NOT_FOUND'],
    ['a Nest 400 (body parser)', new BadRequestException('Unexpected token'), 400, 'BAD_REQUEST'],
    ['a denied ACL straight from kafkajs', kafkaJsError('KafkaJSProtocolError', 'GROUP_AUTHORIZATION_FAILED'), 502, 'NOT_AUTHORIZED'],
    ['kafkajs giving up on a connection', kafkaJsError('KafkaJSNumberOfRetriesExceeded'), 503, 'KAFKA_UNAVAILABLE'],
  ])('answers %s with its status and code', (_name, error, status, code) => {
    const { status: answered, body } = answer(error);
    expect(answered).toBe(status);
    expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  });

  it('keeps the message and the detail of a coded error, bigints as strings', () => {
    const { body } = answer(new OpsLikeError('GROUP_ACTIVE', 'the group has 2 members', false, { members: ['a', 'b'], offset: 12n }));
    expect(body).toEqual({ error: { code: 'GROUP_ACTIVE', message: 'the group has 2 members', detail: { members: ['a', 'b'], offset: '12' } } });
  });

  it('answers an unknown error with 500 INTERNAL and logs it in full, never a stack in the answer', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'partitions')");
    const { status, body, logged } = answer(error);
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', message: 'internal error (see the console log)' } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|TypeError|partitions/);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify((logged[0] as unknown[])[0])).toBeDefined();
  });

  it('hides the body of a Nest 5xx', () => {
    expect(answer(new HttpException({ secret: 'internal state' }, 500)).body).toEqual({ error: { code: 'INTERNAL', message: 'internal error (see the console log)' } });
  });

  it('says when to come back: Retry-After on 503 and on a throttled sign-in', () => {
    expect(answer(new OpsLikeError('KAFKA_UNAVAILABLE', 'away', true)).headers).toEqual({ 'Retry-After': '1' });
    expect(answer(new ConsoleError(ConsoleErrorCode.LoginThrottled, 'wait', { retryAfterSeconds: 8 }))).toMatchObject({ status: 429, headers: { 'Retry-After': '8' } });
  });
});
