import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { TopicMismatchError } from '../admin/topic-provisioner';
import { DeadLetterHeaderError } from '../dead-letter/dead-letter-headers';
import { configError, RuntimeError, RuntimeErrorCode } from './runtime.error';

describe("the runtime's errors implement the classified-error protocol", () => {
  it.each<[string, Error, string, Classification]>([
    ['nonsense options', configError('concurrency must be ≥ 1'), RuntimeErrorCode.ConfigInvalid, Classification.Final],
    ['a record without a value', new RuntimeError(RuntimeErrorCode.RecordWithoutValue, 'm', false, true), RuntimeErrorCode.RecordWithoutValue, Classification.Poison],
    ['a failed dead-letter write', new RuntimeError(RuntimeErrorCode.DeadLetterWriteFailed, 'm', true), RuntimeErrorCode.DeadLetterWriteFailed, Classification.Transient],
    ['an unreadable dead-letter header', new DeadLetterHeaderError('eventline-dlq-attempts', 'm'), 'DLQ_HEADER_INVALID', Classification.Final],
    ['topics that differ from their declaration', new TopicMismatchError([{ topic: 'orders', action: 'mismatch', problems: ['3 partitions, declared 6'] }]), 'TOPIC_MISMATCH', Classification.Final],
  ])('%s', (_case, error, code, classification) => {
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code });
  });
});
