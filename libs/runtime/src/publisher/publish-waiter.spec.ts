import { GroupWaiter, SingleWaiter } from './publish-waiter';
import { PublishError, PublishErrorCode } from './publish.error';
import type { PublishReceipt } from './publish.types';

const receipt = (offset: number): PublishReceipt => ({ id: `evt-${offset}`, type: 'dev.eventline.orders.OrderPaid', topic: 'orders', partition: 0, offset: String(offset) });
const refused = new PublishError(PublishErrorCode.NotAcknowledged, 'orders[0] not acknowledged');

/** Whether a promise has settled yet, without waiting for it. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('publish waiters', () => {
  it('a publishMany waiter resolves with the receipts in call order, whatever order they arrive in', async () => {
    const waiter = new GroupWaiter(3);
    waiter.settle(2, receipt(12));
    waiter.settle(0, receipt(10));
    expect(await settledYet(waiter.all)).toBe(false);
    waiter.settle(1, receipt(11));
    await expect(waiter.all).resolves.toEqual([receipt(10), receipt(11), receipt(12)]);
  });

  it('a publishMany waiter rejects with the first failure, and only once every record has settled', async () => {
    const waiter = new GroupWaiter(3);
    waiter.settle(1, refused);
    waiter.settle(0, new PublishError(PublishErrorCode.BrokerUnavailable, 'later failure'));
    expect(await settledYet(waiter.all)).toBe(false);
    waiter.settle(2, receipt(3));
    await expect(waiter.all).rejects.toBe(refused);
  });

  it('a publishMany waiter of no events resolves at once with no receipts', async () => {
    await expect(new GroupWaiter(0).all).resolves.toEqual([]);
  });

  it('a publish waiter hands the receipt or the error to its one caller', async () => {
    const ok = new Promise<PublishReceipt>((resolve, reject) => new SingleWaiter(resolve, reject).settle(0, receipt(7)));
    const failed = new Promise<PublishReceipt>((resolve, reject) => new SingleWaiter(resolve, reject).settle(0, refused));
    await expect(ok).resolves.toEqual(receipt(7));
    await expect(failed).rejects.toBe(refused);
  });
});
