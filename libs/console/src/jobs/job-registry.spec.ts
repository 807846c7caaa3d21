import { ConsoleErrorCode } from '../errors/console.error';
import { JobRegistry } from './job-registry';

const toApiError = (error: unknown) => ({ code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as Error).message });

/** Resolves when the job has left `running` (the job's work is driven by the spec's own promises). */
async function settled(jobs: JobRegistry, id: string) {
  for (;;) {
    const view = jobs.get(id);
    if (view.state !== 'running') return view;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('JobRegistry', () => {
  it('answers the job at once and reports its progress while it runs, then its result', async () => {
    const jobs = new JobRegistry(toApiError);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = jobs.start('redrive', 'orders.dlq', async (progress) => {
      progress.start(10);
      progress.advance(4);
      await gate;
      progress.advance(6);
      return { sent: 10 };
    });
    expect(started.state).toBe('running');
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(started.id)).toMatchObject({ state: 'running', done: 4, total: 10 });
    release();
    await expect(settled(jobs, started.id)).resolves.toMatchObject({ state: 'succeeded', done: 10, result: { sent: 10 } });
  });

  it('refuses a second job on the same target while the first runs, and allows it after', async () => {
    const jobs = new JobRegistry(toApiError);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = jobs.start('redrive', 'orders.dlq', () => gate);
    expect(() => jobs.start('redrive', 'orders.dlq', async () => undefined)).toThrow(expect.objectContaining({ code: ConsoleErrorCode.AlreadyRunning }));
    const other = jobs.start('redrive', 'billing.dlq', async () => undefined);
    release();
    await settled(jobs, first.id);
    await settled(jobs, other.id);
    expect(jobs.start('redrive', 'orders.dlq', async () => undefined).state).toBe('running');
  });

  it('keeps a failure as an API error, never the stack', async () => {
    const jobs = new JobRegistry(toApiError);
    const job = jobs.start('replay', 'orders', async () => {
      throw Object.assign(new Error('target topic missing'), { code: 'UNKNOWN_TOPIC' });
    });
    const view = await settled(jobs, job.id);
    expect(view).toMatchObject({ state: 'failed', error: { code: 'UNKNOWN_TOPIC', message: 'target topic missing' } });
    expect(JSON.stringify(view)).not.toContain('at ');
  });

  it('settles only after the settle hook ran, and fails the job when the hook fails', async () => {
    const jobs = new JobRegistry(toApiError);
    const audited: unknown[] = [];
    const ok = jobs.start('redrive', 'a', async () => 1, async (outcome) => void audited.push(outcome));
    await expect(settled(jobs, ok.id)).resolves.toMatchObject({ state: 'succeeded', result: 1 });
    expect(audited).toEqual([{ result: 1 }]);
    const bad = jobs.start('redrive', 'b', async () => 2, async () => {
      throw new Error('audit topic unwritable');
    });
    await expect(settled(jobs, bad.id)).resolves.toMatchObject({ state: 'failed', error: { message: 'audit topic unwritable' } });
  });

  it('says which job is unknown', () => {
    expect(() => new JobRegistry(toApiError).get('nope')).toThrow(expect.objectContaining({ code: ConsoleErrorCode.NotFound }));
  });
});
