import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { parseOffset, parsePartitionList } from '../ranges/offset-position';
import { planRanges } from '../ranges/range-plan';
import { parseRunId } from '../provenance/run-id';
import { parseDuration, parseTimeSpec } from '../time/time-spec';
import { OpsError, OpsErrorCode, isOpsError } from './ops.error';

const { Transient, Final } = Classification;

describe('OpsError implements the classified-error protocol; only the world being away is retriable', () => {
  it.each<[OpsErrorCode, Classification]>([
    [OpsErrorCode.BadArgument, Final],
    [OpsErrorCode.UnknownTopic, Final],
    [OpsErrorCode.GroupActive, Final],
    [OpsErrorCode.NotADeadLetterTopic, Final],
    [OpsErrorCode.NotAuthorized, Final],
    [OpsErrorCode.KafkaUnavailable, Transient],
    [OpsErrorCode.RegistryUnavailable, Transient],
    [OpsErrorCode.SendNotAcknowledged, Transient],
  ])('%s', (code, classification) => {
    const error = new OpsError(code, 'm');
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
  });
});

describe('an ops error names the parameter it is about, never a CLI flag', () => {
  const failures: Array<[string, () => unknown, string[]]> = [
    ['an offset', () => parseOffset('x', 'fromOffset'), ['fromOffset']],
    ['a partition list', () => parsePartitionList('0,a'), ['partition']],
    ['a time', () => parseTimeSpec('yesterday', 0, 'toTime'), ['toTime']],
    ['a duration', () => parseDuration('12:00', 'byDuration'), ['byDuration']],
    ['a run id', () => parseRunId('a b', 'replayId'), ['replayId']],
    [
      'an end before the start',
      () => planRanges({ topic: 't', watermarks: [{ partition: 0, low: 0n, high: 9n }], from: { kind: 'offset', offset: 5n }, to: { kind: 'offset', offset: 2n } }),
      ['toOffset', 'fromOffset'],
    ],
  ];

  it.each(failures)('%s', (_, fail, fields) => {
    expect.assertions(2 + fields.length);
    try {
      fail();
    } catch (err) {
      expect(isOpsError(err) && err.detail.fields).toEqual(fields);
      expect((err as Error).message).not.toMatch(/--/);
      for (const field of fields) expect((err as Error).message).toContain(field);
    }
  });
});
