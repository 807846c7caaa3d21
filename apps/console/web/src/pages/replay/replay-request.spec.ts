import { EMPTY_REPLAY_FORM, replayRequestFrom, type ReplayFormValues } from './replay-request';

const form = (patch: Partial<ReplayFormValues>): ReplayFormValues => ({ ...EMPTY_REPLAY_FORM, sourceTopic: 'orders', targetTopic: 'orders.replay', ...patch });

describe('the replay form as the API request', () => {
  it('sends the whole range with nothing optional by default', () => {
    expect(replayRequestFrom(form({}))).toEqual({ sourceTopic: 'orders', targetTopic: 'orders.replay', from: { kind: 'earliest' }, to: { kind: 'latest' } });
  });

  it('sends offsets as strings, a time as ISO, and the filters it was given', () => {
    const request = replayRequestFrom(
      form({ fromKind: 'offset', fromValue: '9007199254740993', toKind: 'time', toValue: '2026-12-01T12:00:00', partitions: '1,3', key: ' k1 ', eventType: 'OrderPlaced', forGroup: 'fulfillment', createTarget: true }),
    );
    expect(request).toMatchObject({ from: { kind: 'offset', value: '9007199254740993' }, partitions: [1, 3], key: 'k1', eventType: 'OrderPlaced', forGroup: 'fulfillment', createTarget: true });
    expect(request.to.kind).toBe('time');
    expect(request.to.value).toMatch(/^2026-12-01T\d\d:00:00\.000Z$/);
  });

  it.each<[string, Partial<ReplayFormValues>, RegExp]>([
    ['no source', { sourceTopic: ' ' }, /source topic/],
    ['no target', { targetTopic: '' }, /target topic/],
    ['an offset that is not one', { fromKind: 'offset', fromValue: '-1' }, /"-1" is not an offset/],
    ['a time position without a time', { toKind: 'time' }, /Pick a time/],
  ])('refuses %s in a sentence', (_name, patch, message) => {
    expect(() => replayRequestFrom(form(patch))).toThrow(message);
  });
});
