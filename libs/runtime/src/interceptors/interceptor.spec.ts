import { composeInterceptors, type Interceptor } from './interceptor';

type Log = string[];
const tracing = (log: Log, name: string): Interceptor<Log> => (_inv, next) => {
  log.push(`${name}:before`);
  const result = next();
  if (result instanceof Promise) return result.then(() => void log.push(`${name}:after`));
  log.push(`${name}:after`);
  return undefined;
};

describe('composeInterceptors', () => {
  it('runs the first interceptor outermost and the work in the middle', () => {
    const log: Log = [];
    const chain = composeInterceptors([tracing(log, 'a'), tracing(log, 'b')], (l) => void l.push('work'));
    chain(log);
    expect(log).toEqual(['a:before', 'b:before', 'work', 'b:after', 'a:after']);
  });

  it('stays synchronous when the work and every interceptor are (no promise per call)', () => {
    const chain = composeInterceptors<Log>([(_inv, next) => next()], () => undefined);
    expect(chain([])).toBeUndefined();
  });

  it('returns the work’s promise through a pass-through interceptor, and waits for async ones', async () => {
    const log: Log = [];
    const chain = composeInterceptors<Log>(
      [
        async (inv, next) => {
          inv.push('async:before');
          await next();
          inv.push('async:after');
        },
        tracing(log, 'sync'),
      ],
      async (l) => void l.push('work'),
    );
    const result = chain(log);
    expect(result).toBeInstanceOf(Promise);
    await result;
    expect(log).toEqual(['async:before', 'sync:before', 'work', 'sync:after', 'async:after']);
  });

  it.each([
    ['thrown before next', (() => { throw new Error('before'); }) as Interceptor<Log>, 'before', false],
    ['rejected after next', (async (_i, next) => { await next(); throw new Error('after'); }) as Interceptor<Log>, 'after', true],
  ])('propagates an error %s to the caller', async (_case, interceptor, message, workRan) => {
    let ran = false;
    const chain = composeInterceptors<Log>([interceptor], () => void (ran = true));
    await expect(Promise.resolve().then(() => chain([]))).rejects.toThrow(message);
    expect(ran).toBe(workRan);
  });

  it('propagates the work’s error through every interceptor', async () => {
    const seen: unknown[] = [];
    const observer: Interceptor<Log> = async (_i, next) => {
      try {
        await next();
      } catch (error) {
        seen.push(error);
        throw error;
      }
    };
    const chain = composeInterceptors<Log>([observer, observer], async () => {
      throw new Error('work failed');
    });
    await expect(chain([]) as Promise<unknown>).rejects.toThrow('work failed');
    expect(seen).toHaveLength(2);
  });

  it('skips the work when an interceptor does not call next', () => {
    let ran = false;
    composeInterceptors<Log>([() => undefined], () => void (ran = true))([]);
    expect(ran).toBe(false);
  });

  it('refuses a second next() (the work would run twice)', () => {
    let runs = 0;
    const chain = composeInterceptors<Log>(
      [
        (_i, next) => {
          next();
          next();
        },
      ],
      () => void runs++,
    );
    expect(() => chain([])).toThrow('next() twice');
    expect(runs).toBe(1);
  });

  it('with no interceptors is the work itself', () => {
    const work = () => 42;
    expect(composeInterceptors([], work)).toBe(work);
  });
});
