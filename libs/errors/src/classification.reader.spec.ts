import { Classification } from './classified-error';
import { classificationOf, isClassifiedError, isPoison, isRetriable } from './classification.reader';
import { EventlineError } from './eventline.error';

class SampleError extends EventlineError<'SAMPLE_CODE'> {
  override readonly name = 'SampleError';
  constructor(classification: Classification, cause?: unknown) {
    super('SAMPLE_CODE', 'sample', classification, { cause });
  }
}

const kafkaJsLike = Object.assign(new Error('The group is rebalancing'), { name: 'KafkaJSProtocolError', code: 27, retriable: true });

describe('the classification reader', () => {
  it.each<[string, unknown, boolean, Partial<Classification>]>([
    ['a poison Eventline error', new SampleError(Classification.Poison), true, { poison: true, retriable: false }],
    ['a transient Eventline error', new SampleError(Classification.Transient), true, { poison: false, retriable: true }],
    ['a final Eventline error', new SampleError(Classification.Final), true, { poison: false, retriable: false }],
    ['a structural look-alike from another copy of the library', { code: 'X_CODE', poison: false, retriable: true, message: 'm' }, true, { poison: false, retriable: true }],
    ['a kafkajs error (numeric code, retriable only)', kafkaJsLike, false, { retriable: true }],
    ['a handler error with only a retriable flag', Object.assign(new Error('busy'), { code: 'MAIL_BUSY', retriable: false }), false, { retriable: false }],
    ['flags that are not booleans', { code: 'X', poison: 'yes', retriable: 1 }, false, {}],
    ['an empty code', { code: '', poison: false, retriable: false }, false, { poison: false, retriable: false }],
    ['a plain Error', new Error('boom'), false, {}],
    ['a TypeError', new TypeError('x is undefined'), false, {}],
    ['a thrown string', 'boom', false, {}],
    ['null', null, false, {}],
    ['undefined', undefined, false, {}],
  ])('reads %s', (_name, error, classified, declared) => {
    expect(isClassifiedError(error)).toBe(classified);
    expect(classificationOf(error)).toEqual(declared);
    expect(isPoison(error)).toBe(declared.poison === true);
    expect(isRetriable(error)).toBe(declared.retriable === true);
  });
});

describe('EventlineError', () => {
  it('carries its code, name, flags and message', () => {
    const error = new SampleError(Classification.Transient);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'SAMPLE_CODE', name: 'SampleError', message: 'sample', poison: false, retriable: true });
  });

  it('keeps the cause it wraps, and has no own cause when it wraps none', () => {
    const cause = new Error('underneath');
    expect(new SampleError(Classification.Final, cause).cause).toBe(cause);
    expect(Object.prototype.hasOwnProperty.call(new SampleError(Classification.Final), 'cause')).toBe(false);
  });

  it('never says poison and retriable together', () => {
    for (const c of Object.values(Classification)) expect(c.poison && c.retriable).toBe(false);
  });
});
