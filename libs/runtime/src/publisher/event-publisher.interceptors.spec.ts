import type { PublishInterceptor, PublishInvocation } from './publish-interceptor';
import { PublishErrorCode } from './publish.error';
import { ORDER_PAID, fakePublisher, orderPaid } from './testing/publisher-fixture';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('EventPublisher interceptors', () => {
  it('run in order around the publish, may add headers and a trace context, and see the receipt once Kafka acknowledged', async () => {
    const log: string[] = [];
    let seenAfter: PublishInvocation | undefined;
    const tenant: PublishInterceptor = async (invocation, next) => {
      log.push(`tenant:before ${invocation.eventType} ${invocation.topic} ${invocation.key} ${invocation.id}`);
      invocation.headers['x-tenant'] = 'acme';
      await next();
      seenAfter = invocation;
      log.push('tenant:after');
    };
    const trace: PublishInterceptor = (invocation, next) => {
      log.push('trace:before');
      invocation.traceparent = TRACEPARENT;
      return next();
    };
    const { kafka, publisher } = await fakePublisher({ interceptors: [tenant, trace] });
    const receipt = await publisher.publish(ORDER_PAID, orderPaid('order-7'), { id: 'evt-7' });

    expect(log).toEqual([`tenant:before ${ORDER_PAID} orders order-7 evt-7`, 'trace:before', 'tenant:after']);
    expect(seenAfter?.receipt).toEqual(receipt);
    const [written] = kafka.allWritten();
    expect(written.headers).toMatchObject({ 'x-tenant': 'acme', traceparent: TRACEPARENT, ce_id: 'evt-7' });
    await publisher.disconnect();
  });

  it('settle the publish with its send even when an interceptor does not wait for next', async () => {
    const { kafka, publisher } = await fakePublisher({ interceptors: [(_invocation, next) => void next()] });
    kafka.sendDelayMs = 20;
    const receipt = await publisher.publish(ORDER_PAID, orderPaid('order-3'), { id: 'evt-3' });
    expect(receipt).toMatchObject({ id: 'evt-3', topic: 'orders' });
    expect(kafka.allWritten().map((w) => w.headers.ce_id)).toEqual(['evt-3']);
    const many = await publisher.publishMany([{ type: ORDER_PAID, payload: orderPaid('order-3', 1), options: { id: 'evt-4' } }]);
    expect(many.map((r) => r.id)).toEqual(['evt-4']);
    await publisher.disconnect();
  });

  it('reject the publish with an interceptor’s error and send nothing', async () => {
    const { kafka, publisher } = await fakePublisher({ interceptors: [() => Promise.reject(new Error('no tenant'))] });
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toThrow('no tenant');
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });

  it('pass the publish’s own failure out through every interceptor', async () => {
    const seen: string[] = [];
    const observer: PublishInterceptor = async (_invocation, next) => {
      try {
        await next();
      } catch (error) {
        seen.push((error as { code: string }).code);
        throw error;
      }
    };
    const { publisher } = await fakePublisher({ interceptors: [observer] });
    await expect(publisher.publish(ORDER_PAID, { ...orderPaid('order-1'), amountMinor: 'lots' } as never)).rejects.toMatchObject({ code: PublishErrorCode.InvalidPayload });
    expect(seen).toEqual([PublishErrorCode.InvalidPayload]);
    await publisher.disconnect();
  });

  it('make a publish whose interceptor does not call next reject as not published, and send nothing', async () => {
    const { kafka, publisher } = await fakePublisher({ interceptors: [() => undefined] });
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toMatchObject({ code: PublishErrorCode.Rejected, message: expect.stringContaining('did not call next()') });
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });

  it('run for each event of publishMany, which still sends the events together and in order', async () => {
    const ids: string[] = [];
    const { kafka, publisher } = await fakePublisher({ lingerMs: 0, interceptors: [(invocation, next) => (ids.push(invocation.id), next())] });
    const events = [0, 1, 2].map((i) => ({ type: ORDER_PAID, payload: orderPaid('order-1', i), options: { id: `evt-${i}` } }) as const);
    const receipts = await publisher.publishMany(events);

    expect(ids).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect(receipts.map((r) => r.id)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect(kafka.batches).toHaveLength(1);
    expect(kafka.allWritten().map((w) => w.headers.ce_id)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    await publisher.disconnect();
  });

  it('send none of publishMany when one event’s interceptor fails before next', async () => {
    const { kafka, publisher } = await fakePublisher({
      interceptors: [(invocation, next) => (invocation.id === 'evt-1' ? Promise.reject(new Error('refused')) : next())],
    });
    const events = [0, 1, 2].map((i) => ({ type: ORDER_PAID, payload: orderPaid('order-1', i), options: { id: `evt-${i}` } }) as const);
    await expect(publisher.publishMany(events)).rejects.toThrow('refused');
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });
});
