import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { RedriveHeader } from '../dead-letter/dead-letter-headers';
import { RuntimeEvent, RuntimeInstrumentation, SkipReason, type RuntimeEventPayloads } from '../instrumentation/runtime-events';
import { HeartbeatKeeper } from './heartbeat-keeper';
import type { RecordDecoder } from './record-decoder';
import { RecordExecutor } from './record-executor';
import { RouteTable } from './route-table';

function message(headers: IHeaders): KafkaMessage {
  return { key: Buffer.from('k'), value: Buffer.from('not avro at all'), headers, offset: '41', timestamp: '0', attributes: 0 };
}

describe('RecordExecutor and a redriven record', () => {
  const handled: string[] = [];
  const decoded: string[] = [];
  // A decoder that would call the record poison: a skip must not get this far.
  const decoder: RecordDecoder = {
    eventType: (_topic, m) => {
      decoded.push(m.offset);
      return '*';
    },
    eventId: () => undefined,
    decode: () => {
      throw Object.assign(new Error('bad magic byte'), { poison: true });
    },
  };
  const handlingDecoder: RecordDecoder = { eventType: () => '*', eventId: () => undefined, decode: (_t, m) => m.value };
  const routes = new RouteTable([{ topic: 'orders', eventType: '*', handler: (_e: unknown, ctx) => void handled.push(`${ctx.groupId}@${ctx.offset}`) }]);
  const noDeadLetters = {} as DeadLetterWriter;
  const heartbeats = new HeartbeatKeeper(async () => undefined, 1_000);
  let instrumentation: RuntimeInstrumentation;
  let skipped: Array<RuntimeEventPayloads[typeof RuntimeEvent.RecordSkipped]>;

  beforeEach(() => {
    handled.length = 0;
    decoded.length = 0;
    instrumentation = new RuntimeInstrumentation();
    skipped = [];
    instrumentation.on(RuntimeEvent.RecordSkipped, (e) => skipped.push(e));
  });

  it('finishes a record redriven for another group without decoding or handling it', () => {
    const executor = new RecordExecutor('fulfillment-worker', routes, decoder, noDeadLetters, instrumentation);
    const outcome = executor.execute('orders', 3, message({ [RedriveHeader.ForGroup]: Buffer.from('notifications-worker') }), 1, heartbeats);
    // Synchronous: a skip costs the partition-order loop no wait.
    expect(outcome).toEqual({ kind: 'finished', how: 'skipped' });
    expect(decoded).toEqual([]);
    expect(handled).toEqual([]);
    expect(skipped).toEqual([
      { groupId: 'fulfillment-worker', topic: 'orders', partition: 3, offset: '41', reason: SkipReason.RedriveForOtherGroup, forGroup: 'notifications-worker' },
    ]);
  });

  it('handles a record redriven for its own group as usual', () => {
    const executor = new RecordExecutor('notifications-worker', routes, handlingDecoder, noDeadLetters, instrumentation);
    const outcome = executor.execute('orders', 3, message({ [RedriveHeader.ForGroup]: Buffer.from('notifications-worker') }), 1, heartbeats);
    expect(outcome).toEqual({ kind: 'finished', how: 'handled' });
    expect(handled).toEqual(['notifications-worker@41']);
    expect(skipped).toEqual([]);
  });

  it('handles a record that names no group in every group', () => {
    for (const group of ['notifications-worker', 'fulfillment-worker']) {
      new RecordExecutor(group, routes, handlingDecoder, noDeadLetters, instrumentation).execute('orders', 0, message({ ce_type: Buffer.from('T') }), 1, heartbeats);
    }
    expect(handled).toEqual(['notifications-worker@41', 'fulfillment-worker@41']);
    expect(skipped).toEqual([]);
  });
});
