import { didYouMean } from './did-you-mean';

describe('didYouMean', () => {
  const topics = ['orders', 'orders.dlq', 'shipments', 'shipments.dlq', 'notifications', '__consumer_offsets'];

  it.each([
    ['ordres', ' (did you mean orders?)'],
    ['shipment', ' (did you mean shipments, shipments.dlq?)'],
    ['notification', ' (did you mean notifications?)'],
    ['payments', ''],
    ['consumer_offsets', ''],
  ])('suggests for %s', (name, expected) => {
    expect(didYouMean(name, topics)).toBe(expected);
  });
});
