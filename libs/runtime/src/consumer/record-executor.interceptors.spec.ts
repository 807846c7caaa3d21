import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { FakeKafkaClient } from '../kafka/fake/fake-kafka-client';
import type { ConsumedRecord } from '../kafka/consumed-record';
import type { EventRoute } from './event-route';
import type { HandlerInterceptor, HandlerInvocation } from './handler-interceptor';
import { HeartbeatKeeper } from './heartbeat-keeper';
import { rawRecordDecoder } from './record-decoder';
import { RecordExecutor, type RecordOutcome } from './record-executor';
import { RouteTable } from './route-table';

const record: ConsumedRecord = { offset: '9007199254740993', key: Buffer.from('k'), value: Buffer.from('v'), headers: { ce_id: 'evt-1' }, timestamp: '0' };
const heartbeats = new HeartbeatKeeper(async () => undefined, 1_000);

function executor(consumerInterceptors: HandlerInterceptor[], route: Partial<EventRoute<never>> = {}, handler: (event: unknown, ctx: unknown) => unknown = () => undefined) {
  const kafka = new FakeKafkaClient({ orders: 1, 'orders.dlq': 1 });
  const routes = new RouteTable([{ topic: 'orders', eventType: '*', name: 'orders-route', retry: { maxAttempts: 3, initialDelayMs: 10, jitter: 0 }, handler, ...route } as EventRoute<never>], consumerInterceptors);
  const run = new RecordExecutor('group-a', routes, rawRecordDecoder, new DeadLetterWriter(kafka.producer(), kafka.admin()), new RuntimeInstrumentation());
  return { kafka, execute: (attempt = 1) => run.execute('orders', 0, record, attempt, heartbeats) };
}

const poison = () => Object.assign(new Error('unreadable'), { code: 'TEST_POISON', poison: true, retriable: false });

describe('handler interceptors in the record executor', () => {
  it('run consumer interceptors outside route interceptors, around the handler, with the record’s context', () => {
    const log: string[] = [];
    let seen: HandlerInvocation | undefined;
    const named = (name: string): HandlerInterceptor => (inv, next) => {
      log.push(name);
      seen = inv;
      return next();
    };
    const { execute } = executor([named('consumer')], { interceptors: [named('route')] }, () => void log.push('handler'));
    const outcome = execute(2);
    expect(outcome).toEqual({ kind: 'finished', how: 'handled' });
    expect(log).toEqual(['consumer', 'route', 'handler']);
    expect(seen).toMatchObject({ groupId: 'group-a', topic: 'orders', partition: 0, offset: '9007199254740993', attempt: 2, eventType: '*', route: 'orders-route', eventId: undefined });
    expect(seen?.key?.toString()).toBe('k');
    expect((seen?.event as Buffer).toString()).toBe('v');
  });

  it('keep the synchronous fast path with a pass-through interceptor and a synchronous handler', () => {
    const { execute } = executor([(_inv, next) => next()]);
    expect(execute()).not.toBeInstanceOf(Promise);
  });

  it('turn an error thrown before next into the record’s failure (retried), without running the handler', async () => {
    let handled = 0;
    const { execute } = executor([() => { throw new Error('tenant unknown'); }], {}, () => void handled++);
    const outcome: RecordOutcome = await execute();
    expect(outcome).toMatchObject({ kind: 'retry', nextAttempt: 2 });
    expect(handled).toBe(0);
  });

  it('turn an async interceptor’s rejection after next into the record’s failure', async () => {
    let handled = 0;
    const { execute } = executor([async (_i, next) => { await next(); throw new Error('after the handler'); }], {}, () => void handled++);
    expect(await execute()).toMatchObject({ kind: 'retry' });
    expect(handled).toBe(1);
  });

  it('dead-letter a poison error an interceptor throws, like a handler’s', async () => {
    const { execute, kafka } = executor([() => { throw poison(); }]);
    expect(await execute()).toEqual({ kind: 'finished', how: 'dead-lettered' });
    expect(kafka.produced).toHaveLength(1);
    const [dead] = kafka.produced[0].topics;
    expect(dead.topic).toBe('orders.dlq');
    expect(dead.messages[0].headers).toMatchObject({ 'eventline-dlq-error-code': 'TEST_POISON' });
  });

  it('count a record as handled when an interceptor does not call next (the handler is skipped)', () => {
    let handled = 0;
    const { execute } = executor([() => undefined], {}, () => void handled++);
    expect(execute()).toEqual({ kind: 'finished', how: 'handled' });
    expect(handled).toBe(0);
  });
});
