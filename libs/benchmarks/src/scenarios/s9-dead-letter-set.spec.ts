import { codeOf, DeadLetterCode, deadLetterMessage, isRare, newestOf, offsetOf, partitionOf, RARE_EVERY, type DeadLetterSet } from './s9-dead-letter-set';
import { cliPageProblems, consolePageProblems, type ConsolePageAnswer } from './s9-page-checks';

const set: DeadLetterSet = { topic: 'orders.dlq', count: 12_000, partitions: 6, firstAt: 1_700_000_000_000, stepMs: 100 };
const indices = Array.from({ length: set.count }, (_, i) => i);

describe('S9 dead-letter set', () => {
  it('is rare one in RARE_EVERY of every partition, so the filter finds it in all of them', () => {
    for (let p = 0; p < set.partitions; p++) {
      const inPartition = indices.filter((i) => partitionOf(set, i) === p);
      expect(inPartition.filter((i) => isRare(set, i))).toHaveLength(inPartition.length / RARE_EVERY);
    }
  });

  it.each([
    ['the newest', undefined, ['5:1999', '4:1999', '3:1999']],
    ['the newest rare', DeadLetterCode.Rare, ['5:1965', '4:1932', '3:1899']],
  ])('lists %s first, by index, as partition:offset', (_name, code, first) => {
    const newest = newestOf(set, 50, code);
    expect(newest).toHaveLength(50);
    expect(newest.slice(0, 3)).toEqual(first);
  });

  it('writes the runtime dead-letter headers with the code, at the partition and time of its index', () => {
    const i = indices.find((n) => isRare(set, n) && n > 0) as number;
    const message = deadLetterMessage(set, i);
    expect(message.partition).toBe(partitionOf(set, i));
    expect(message.timestamp).toBe(String(set.firstAt + i * set.stepMs));
    expect(message.headers?.['eventline-dlq-error-code']).toBe(DeadLetterCode.Rare);
    expect(deadLetterMessage(set, i + 1).headers?.['eventline-dlq-error-code']).toBe(codeOf(set, i + 1));
  });
});

describe('S9 page checks', () => {
  const newest = newestOf(set, 50, DeadLetterCode.Rare);
  const record = (c: string, code: string = DeadLetterCode.Rare) => {
    const [partition, offset] = c.split(':');
    const i = Number(offset) * set.partitions + Number(partition);
    return { partition: Number(partition), offset, errorCode: code, failedAt: new Date(set.firstAt + i * set.stepMs).toISOString() };
  };
  const page = (records: ConsolePageAnswer['records'], more: Partial<ConsolePageAnswer> = {}): ConsolePageAnswer => ({ records, nextCursor: 'c', scanned: 1_000, partial: false, ...more });
  const expected = { limit: 50, code: DeadLetterCode.Rare, newest };

  it.each<[string, ConsolePageAnswer, string[]]>([
    ['the newest 50, newest first', page(newest.map((c) => record(c))), []],
    ['a partial page of the newest, with a cursor', page(newest.slice(0, 7).map((c) => record(c)), { partial: true }), []],
    ['a short page that does not say partial', page(newest.slice(0, 7).map((c) => record(c))), ['7 records, expected 50']],
    ['partial without a cursor', page(newest.slice(0, 7).map((c) => record(c)), { partial: true, nextCursor: null }), ['partial without a cursor to read on']],
    ['oldest first', page([...newest].reverse().map((c) => record(c))), [`record 0 is ${newest[49]}, expected ${newest[0]} (newest first)`, 'failedAt is not newest first']],
    ['a record of another code', page(newest.map((c, i) => record(c, i === 3 ? DeadLetterCode.Common : DeadLetterCode.Rare))), ['1 records with another error code than VALIDATION_FAILED (e.g. HANDLER_TIMEOUT)']],
  ])('console: %s', (_name, answer, problems) => {
    expect(consolePageProblems(answer, expected)).toEqual(problems);
  });

  it.each([
    ['50 distinct in offset order', Array.from({ length: 50 }, (_, i) => ({ partition: i % 2, offset: String(i), deadLetter: { errorCode: 'VALIDATION_FAILED' } })), []],
    ['one printed twice', Array.from({ length: 50 }, (_, i) => ({ partition: 0, offset: String(Math.min(i, 48)), deadLetter: { errorCode: 'VALIDATION_FAILED' } })), ['a dead letter printed twice', 'partition 0: offset 48 after 48']],
    ['an unparsed dead letter', [{ partition: 0, offset: '1', deadLetter: { invalid: 'no headers' } }], ['1 dead letters, expected 50', '1 lines without VALIDATION_FAILED (e.g. {"invalid":"no headers"})']],
  ])('CLI: %s', (_name, lines, problems) => {
    expect(cliPageProblems(lines, { limit: 50, code: DeadLetterCode.Rare })).toEqual(problems);
  });

  it('offsets and partitions of an index round-trip', () => {
    expect(indices.every((i) => offsetOf(set, i) * set.partitions + partitionOf(set, i) === i)).toBe(true);
  });
});
