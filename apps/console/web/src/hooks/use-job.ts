import { useEffect, useState } from 'react';
import { api, seg } from '../api/api';
import type { JobView } from '../api/api-types';

export const JOB_POLL_MS = 500;

/** What a POST that starts a job answers: `{ jobId }` as the contract says, or the job itself. */
export type JobStarted = { readonly jobId: string } | JobView;

export function jobIdOf(started: JobStarted | null | undefined): string | null {
  if (!started) return null;
  return 'jobId' in started ? started.jobId : started.id;
}

/** Polls GET /api/jobs/:id until the job ends; null id → nothing. */
export function useJob<R>(jobId: string | null): { readonly job: JobView<R> | null; readonly error: unknown } {
  const [state, setState] = useState<{ job: JobView<R> | null; error: unknown }>({ job: null, error: null });
  useEffect(() => {
    setState({ job: null, error: null });
    if (!jobId) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api
        .get<JobView<R>>(`/api/jobs/${seg(jobId)}`)
        .then((job) => {
          if (cancelled) return;
          setState({ job, error: null });
          if (job.state === 'running') timer = setTimeout(poll, JOB_POLL_MS);
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          // Keep the last progress; try again (a poll may fail while the server is busy).
          setState((current) => ({ ...current, error }));
          timer = setTimeout(poll, JOB_POLL_MS * 4);
        });
    };
    poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return state;
}
