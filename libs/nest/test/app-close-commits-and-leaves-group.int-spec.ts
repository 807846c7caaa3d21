/**
 * Expected: with a commit policy that would not commit for minutes, closing the Nest app
 * (what enableShutdownHooks does on SIGTERM) still commits every handled record and leaves
 * the group at once: right after close() the group is Empty with the offsets at the end.
 */
import { Injectable } from '@nestjs/common';
import type { OrderPlaced } from '@eventline/contracts';
import { EventlinePublisher, OnEvent } from '../src';
import { eventually, NestTestKit } from './nest-test-kit';

@Injectable()
class PlacementsHandler {
  readonly handled: string[] = [];

  @OnEvent('dev.eventline.orders.OrderPlaced')
  onPlaced(order: OrderPlaced): void {
    this.handled.push(order.orderId);
  }
}

const order = (orderId: string): OrderPlaced => ({
  orderId,
  customerId: 'c-1',
  customerEmail: 'c-1@example.com',
  lineItems: [{ sku: 'sku-1', quantity: 1, unitPriceMinor: 1_000n }],
  totalMinor: 1_000n,
  currency: 'EUR',
  placedAt: 1_735_787_045_678,
});

describe('closing the app', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('commits what was handled and leaves the group', async () => {
    const topic = await kit.createTopic('orders', 1);
    const options = kit.options({ consumer: { groupId: 'replaced-by-kit', commit: { maxUncommittedMs: 600_000, maxUncommittedRecords: 1_000 } } });
    const groupId = options.consumer!.groupId;
    const app = await kit.app(options, [PlacementsHandler]);
    const publisher = app.get(EventlinePublisher);
    for (const id of ['o-1', 'o-2', 'o-3']) await publisher.publish('dev.eventline.orders.OrderPlaced', order(id));
    await eventually('three handled', () => app.get(PlacementsHandler).handled.length === 3);

    const admin = await kit.topics.admin();
    const committed = async () => (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions[0].offset;
    expect(await committed()).toBe('-1');

    await app.close();

    expect(await committed()).toBe('3');
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]).toMatchObject({ state: 'Empty', members: [] });
  });
});
