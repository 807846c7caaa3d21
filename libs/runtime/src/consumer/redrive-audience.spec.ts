import type { IHeaders } from 'kafkajs';
import { RedriveHeader, redriveForGroupHeaders } from '../dead-letter/dead-letter-headers';
import { redriveForOtherGroup } from './redrive-audience';

const FOR = RedriveHeader.ForGroup;

describe('redriveForOtherGroup', () => {
  it.each<[string, IHeaders | undefined, string | undefined]>([
    ['processes a record without headers', undefined, undefined],
    ['processes a record that names no group', { ce_type: 'T' }, undefined],
    ['processes a record redriven for this group', { [FOR]: 'notifications-worker' }, undefined],
    ['processes a record redriven for this group (Buffer, as kafkajs delivers it)', { [FOR]: Buffer.from('notifications-worker') }, undefined],
    ['skips a record redriven for another group', { [FOR]: 'fulfillment-worker' }, 'fulfillment-worker'],
    ['skips a record redriven for another group (Buffer)', { [FOR]: Buffer.from('fulfillment-worker') }, 'fulfillment-worker'],
    ['compares group ids exactly (Kafka group ids are case-sensitive)', { [FOR]: 'Notifications-Worker' }, 'Notifications-Worker'],
    ['processes a record whose header is empty: it names no group', { [FOR]: '' }, undefined],
    ['reads a repeated header by its last value (this group)', { [FOR]: [Buffer.from('fulfillment-worker'), Buffer.from('notifications-worker')] }, undefined],
    ['reads a repeated header by its last value (another group)', { [FOR]: [Buffer.from('notifications-worker'), Buffer.from('fulfillment-worker')] }, 'fulfillment-worker'],
  ])('%s', (_name, headers, expected) => {
    expect(redriveForOtherGroup(headers, 'notifications-worker')).toBe(expected);
  });

  it('refuses to write a header that names no group', () => {
    expect(redriveForGroupHeaders('billing')).toEqual({ [FOR]: 'billing' });
    expect(() => redriveForGroupHeaders('')).toThrow(/needs a consumer group id/);
  });
});
