import type { DeadLetterInfo } from '@eventline/runtime';
import { RedriveSkip, routeDeadLetter, type RedriveRouteInput } from './redrive-route';

const info = { sourceTopic: 'orders', sourcePartition: 3, errorCode: 'X', consumerGroup: 'notifications-worker' } as DeadLetterInfo;
const partitionsOf = (topic: string) => ({ orders: 6, small: 2 })[topic];
const base: RedriveRouteInput = { reading: { info }, alreadyRedriven: false, force: false, allGroups: false, partitionsOf };
const forItsGroup = { forGroup: 'notifications-worker' };

describe('routeDeadLetter', () => {
  it.each<[string, Partial<RedriveRouteInput>, ReturnType<typeof routeDeadLetter>]>([
    ['back to its source partition, for the group that failed it', {}, { send: true, topic: 'orders', partition: 3, ...forItsGroup }],
    ['by key when the source partition is gone', { reading: { info: { ...info, sourceTopic: 'small' } } }, { send: true, topic: 'small', partition: undefined, ...forItsGroup }],
    ['by key to another topic, still for its group', { toTopic: 'orders.retry' }, { send: true, topic: 'orders.retry', ...forItsGroup }],
    ['for every group when asked', { allGroups: true }, { send: true, topic: 'orders', partition: 3 }],
    ['not again once redriven', { alreadyRedriven: true }, { send: false, reason: RedriveSkip.AlreadyRedriven }],
    ['again when forced', { alreadyRedriven: true, force: true }, { send: true, topic: 'orders', partition: 3, ...forItsGroup }],
    ['nowhere without headers', { reading: { problem: 'no header' } }, { send: false, reason: RedriveSkip.NoContract }],
    ['not to another topic without headers: no group to name', { reading: { problem: 'no header' }, toTopic: 'x' }, { send: false, reason: RedriveSkip.NoRecordedGroup }],
    ['to another topic without headers, for every group', { reading: { problem: 'no header' }, toTopic: 'x', allGroups: true }, { send: true, topic: 'x' }],
    ['nowhere when the dead letter recorded no group', { reading: { info: { ...info, consumerGroup: '' } } }, { send: false, reason: RedriveSkip.NoRecordedGroup }],
    ['for every group when it recorded none, when asked', { reading: { info: { ...info, consumerGroup: '' } }, allGroups: true }, { send: true, topic: 'orders', partition: 3 }],
    ['nowhere when the source topic is gone', { reading: { info: { ...info, sourceTopic: 'gone' } } }, { send: false, reason: RedriveSkip.SourceTopicMissing }],
  ])('sends %s', (_, overrides, expected) => {
    expect(routeDeadLetter({ ...base, ...overrides })).toStrictEqual(expected);
  });
});
