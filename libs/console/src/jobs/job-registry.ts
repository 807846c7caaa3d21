import { randomUUID } from 'node:crypto';
import type { ApiError, JobView } from '../api/console-api.types';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';

/** What a running job may tell: how far it is. */
export interface JobProgress {
  start(total: number): void;
  advance(count: number): void;
}

export type JobKind = JobView['kind'];

interface JobEntry {
  view: Mutable<JobView>;
  /** Jobs with the same lock (e.g. one dead-letter topic) do not run side by side. */
  readonly lock: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Long operations (redrive, replay) run as jobs: the request that starts one answers its id at
 * once, the page polls its progress, and its result or error stays readable for a while after.
 * Two jobs on the same lock are refused (409) rather than racing each other through the
 * same ledger or checkpoint; the ledger would still keep the effects once, but the second
 * run's preview would be wrong while the first one sends.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobEntry>();

  constructor(
    private readonly toApiError: (error: unknown) => ApiError,
    private readonly keep = 50,
    private readonly now: () => number = Date.now,
  ) {}

  start<R>(kind: JobKind, lock: string, run: (progress: JobProgress) => Promise<R>, onSettled?: (outcome: { result?: R; error?: unknown }) => Promise<void>): JobView<R> {
    const running = [...this.jobs.values()].find((j) => j.lock === lock && j.view.state === 'running');
    if (running) {
      throw new ConsoleError(ConsoleErrorCode.AlreadyRunning, `a ${running.view.kind} of ${lock} is already running (job ${running.view.id}): wait for it to finish`, {
        detail: { jobId: running.view.id },
      });
    }
    const view: Mutable<JobView> = { id: randomUUID(), kind, state: 'running', done: 0, total: 0, startedAt: new Date(this.now()).toISOString() };
    this.jobs.set(view.id, { view, lock });
    this.forgetOld();
    const progress: JobProgress = {
      start: (total) => {
        view.total = total;
      },
      advance: (count) => {
        view.done += count;
      },
    };
    void (async () => {
      let outcome: { result?: R; error?: unknown };
      try {
        const result = await run(progress);
        outcome = { result };
      } catch (error) {
        outcome = { error };
      }
      // The job counts as settled only once its audit record is written.
      if (onSettled) {
        try {
          await onSettled(outcome);
        } catch (error) {
          outcome = { result: outcome.result, error: outcome.error ?? error };
        }
      }
      if (outcome.error === undefined) {
        view.result = outcome.result;
        view.state = 'succeeded';
      } else {
        view.error = this.toApiError(outcome.error);
        view.state = 'failed';
      }
    })();
    return { ...view } as JobView<R>;
  }

  get(id: string): JobView {
    const entry = this.jobs.get(id);
    if (!entry) throw new ConsoleError(ConsoleErrorCode.NotFound, `no job ${id} (jobs are kept while the console runs, the last ${this.keep})`, { detail: { jobId: id } });
    return { ...entry.view };
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - this.keep))) this.jobs.delete(job.view.id);
  }
}
