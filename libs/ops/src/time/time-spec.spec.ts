import { isOpsError, OpsErrorCode } from '../errors/ops.error';
import { parseDuration, parseTimeSpec } from './time-spec';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('parseTimeSpec', () => {
  it.each([
    ['2025-05-01T10:00:00Z', Date.parse('2025-05-01T10:00:00Z')],
    ['2025-05-01T10:00:00.250Z', Date.parse('2025-05-01T10:00:00.250Z')],
    ['2025-05-01T12:00:00+02:00', Date.parse('2025-05-01T10:00:00Z')],
    ['2025-05-01T10:00:00', Date.parse('2025-05-01T10:00:00Z')],
    ['2025-05-01 10:00', Date.parse('2025-05-01T10:00:00Z')],
    ['2025-05-01', Date.parse('2025-05-01T00:00:00Z')],
    ['10m', NOW - 600_000],
    ['1h30m', NOW - 5_400_000],
    ['2d', NOW - 2 * 86_400_000],
    ['500ms', NOW - 500],
  ])('reads %s', (text, expected) => {
    expect(parseTimeSpec(text, NOW)).toBe(expected);
  });

  it.each(['yesterday', '10', '10 m', '-5m', '2025-13-45T99:00:00Z', '', 'May 3', '1.5h'])('refuses "%s" with OPS_BAD_TIME naming the parameter', (text) => {
    expect.assertions(3);
    try {
      parseTimeSpec(text, NOW, 'fromTime');
    } catch (err) {
      expect(isOpsError(err, OpsErrorCode.BadTime)).toBe(true);
      expect((err as Error).message).toMatch(/^fromTime "/);
      expect(isOpsError(err) && err.detail.fields).toEqual(['fromTime']);
    }
  });
});

describe('parseDuration', () => {
  it.each([
    ['1h', 3_600_000],
    ['15m', 900_000],
    ['1w', 604_800_000],
    ['1h0m30s', 3_630_000],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it('refuses a time of day', () => {
    expect(() => parseDuration('12:00', 'byDuration')).toThrow(/byDuration "12:00" is not a duration/);
  });
});
