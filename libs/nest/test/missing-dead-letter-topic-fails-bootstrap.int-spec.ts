/**
 * Expected: when a handler's dead-letter topic does not exist, creating the Nest app fails
 * at bootstrap with a message naming the handler, its group and the topic to create; no
 * group member is left behind (the group never became active) and nothing is consumed.
 */
import { Injectable } from '@nestjs/common';
import type { OrderPaid } from '@eventline/contracts';
import { EventlineConfigErrorCode, OnEvent } from '../src';
import { NestTestKit } from './nest-test-kit';

@Injectable()
class PaymentsHandler {
  readonly handled: OrderPaid[] = [];

  @OnEvent('dev.eventline.orders.OrderPaid')
  onPaid(payment: OrderPaid): void {
    this.handled.push(payment);
  }
}

describe('a missing dead-letter topic', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('stops the app at bootstrap, saying which topic to create', async () => {
    const topic = await kit.createTopic('orders', 1, false);
    const options = kit.options();
    const groupId = options.consumer!.groupId;

    await expect(kit.app(options, [PaymentsHandler])).rejects.toMatchObject({
      code: EventlineConfigErrorCode.TopicsMissing,
      message: `Eventline cannot start, topics are missing: PaymentsHandler.onPaid (group ${groupId}): dead-letter topic ${topic}.dlq does not exist; create it, or set deadLetter: false on the handler or its group`,
    });

    const admin = await kit.topics.admin();
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]).toMatchObject({ state: 'Dead', members: [] });
  });
});
