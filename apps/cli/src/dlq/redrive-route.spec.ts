import type { DeadLetterInfo } from '@eventline/runtime';
import { RedriveSkip, routeDeadLetter, type RedriveRouteInput } from './redrive-route';

const info = { sourceTopic: 'orders', sourcePartition: 3, errorCode: 'X' } as DeadLetterInfo;
const partitionsOf = (topic: string) => ({ orders: 6, small: 2 })[topic];
const base: RedriveRouteInput = { reading: { info }, alreadyRedriven: false, force: false, partitionsOf };

describe('routeDeadLetter', () => {
  it.each<[string, Partial<RedriveRouteInput>, ReturnType<typeof routeDeadLetter>]>([
    ['back to its source partition', {}, { send: true, topic: 'orders', partition: 3 }],
    ['by key when the source partition is gone', { reading: { info: { ...info, sourceTopic: 'small' } } }, { send: true, topic: 'small', partition: undefined }],
    ['by key to --to-topic', { toTopic: 'orders.retry' }, { send: true, topic: 'orders.retry' }],
    ['not again once redriven', { alreadyRedriven: true }, { send: false, reason: RedriveSkip.AlreadyRedriven }],
    ['again with --force', { alreadyRedriven: true, force: true }, { send: true, topic: 'orders', partition: 3 }],
    ['nowhere without headers', { reading: { problem: 'no header' } }, { send: false, reason: RedriveSkip.NoContract }],
    ['to --to-topic even without headers', { reading: { problem: 'no header' }, toTopic: 'x' }, { send: true, topic: 'x' }],
    ['nowhere when the source topic is gone', { reading: { info: { ...info, sourceTopic: 'gone' } } }, { send: false, reason: RedriveSkip.SourceTopicMissing }],
  ])('sends %s', (_, overrides, expected) => {
    expect(routeDeadLetter({ ...base, ...overrides })).toEqual(expected);
  });
});
