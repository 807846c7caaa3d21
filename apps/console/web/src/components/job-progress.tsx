import type { JobView } from '../api/api-types';
import { ErrorMessage } from './error-message';

/** A job's progress bar while it runs, and its error when it failed (the result is the page's). */
export function JobProgress({ job, pollError }: { readonly job: JobView | null; readonly pollError: unknown }) {
  if (!job) return pollError ? <ErrorMessage error={pollError} /> : <p className="muted">Starting…</p>;
  const label = job.total > 0 ? `${job.done} of ${job.total}` : `${job.done}`;
  return (
    <div className="job" data-testid="job-progress" data-state={job.state}>
      <div className="actions">
        <progress max={Math.max(job.total, 1)} value={job.state === 'succeeded' ? Math.max(job.total, 1) : job.done} aria-label={`${job.kind} progress`} />
        <span data-testid="job-state">
          {job.state === 'running' ? 'running' : job.state} · {label}
        </span>
      </div>
      {job.state === 'failed' ? <ErrorMessage error={job.error ?? new Error('The job failed')} testId="job-error" /> : null}
      {pollError && job.state === 'running' ? <ErrorMessage error={pollError} title="Progress not updating" /> : null}
    </div>
  );
}
