import { SubjectNameStrategy, isSubjectNameStrategy, subjectName } from './subject-name.strategy';

describe('subjectName', () => {
  const input = { topic: 'orders', recordFullName: 'dev.eventline.orders.OrderPlaced' };

  it.each([
    [SubjectNameStrategy.TopicRecordName, 'orders-dev.eventline.orders.OrderPlaced'],
    [SubjectNameStrategy.TopicName, 'orders-value'],
    [SubjectNameStrategy.RecordName, 'dev.eventline.orders.OrderPlaced'],
  ])('%s names the subject %s', (strategy, expected) => {
    expect(subjectName(strategy, input)).toBe(expected);
  });

  it('refuses a strategy it does not know, listing the ones it does', () => {
    expect(() => subjectName('TopicNameStrategyy' as SubjectNameStrategy, input)).toThrow(/TopicRecordNameStrategy/);
  });

  it.each([
    ['TopicNameStrategy', true],
    ['topic', false],
    ['toString', false],
    [undefined, false],
  ])('isSubjectNameStrategy(%p) is %p', (value, expected) => {
    expect(isSubjectNameStrategy(value)).toBe(expected);
  });
});
