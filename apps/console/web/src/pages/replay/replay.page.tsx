import { useState } from 'react';
import { api } from '../../api/api';
import type { ReplayPlanView, ReplayRequest, ReplayResult, TopicView } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { JobProgress } from '../../components/job-progress';
import { useAction } from '../../hooks/use-action';
import { jobIdOf, useJob, type JobStarted } from '../../hooks/use-job';
import { useLoad } from '../../hooks/use-load';
import { useCanOperate } from '../../session/session.context';
import { ReplayForm } from './replay.form';
import { ReplayPlanTable } from './replay-plan.table';
import { EMPTY_REPLAY_FORM, replayRequestFrom, type ReplayFormValues } from './replay-request';

/**
 * Form → plan (POST /api/replay/plan) → run the planned request as a job, under the plan's replay
 * id (so the run is the plan shown, and a re-run resumes it) → the result.
 */
export function ReplayPage() {
  const canOperate = useCanOperate();
  const topics = useLoad(() => api.get<TopicView[]>('/api/topics'), 'topics');
  const [values, setValues] = useState<ReplayFormValues>(EMPTY_REPLAY_FORM);
  const [inputError, setInputError] = useState<unknown>(null);
  const [planned, setPlanned] = useState<ReplayRequest | null>(null);
  const plan = useAction((request: ReplayRequest) => api.post<ReplayPlanView>('/api/replay/plan', request));
  const start = useAction((request: ReplayRequest) => api.post<JobStarted>('/api/replay', request));
  const { job, error: jobError } = useJob<ReplayResult>(jobIdOf(start.result));
  const running = start.busy || job?.state === 'running';

  const change = (patch: Partial<ReplayFormValues>) => {
    if (running) return;
    setValues({ ...values, ...patch });
    setPlanned(null);
    plan.reset();
    start.reset();
  };
  async function showPlan() {
    setInputError(null);
    start.reset();
    try {
      const request = replayRequestFrom(values);
      if (await plan.run(request)) setPlanned(request);
    } catch (error) {
      setInputError(error);
    }
  }

  const result = job?.state === 'succeeded' ? job.result : undefined;
  return (
    <section data-testid="replay-page">
      <h1>Replay</h1>
      <p className="muted">Copies a range of a topic to a target topic, with provenance headers; a re-run with the same replay id skips what it already copied.</p>
      <ReplayForm values={values} topics={topics.data ?? []} busy={plan.busy || running} onChange={change} onSubmit={() => void showPlan()} />
      <ErrorMessage error={inputError} />
      <ErrorMessage error={plan.error} testId="replay-plan-error" />
      {plan.result && planned ? (
        <div className="card">
          <h2>Plan</h2>
          <ReplayPlanTable plan={plan.result} />
          {!start.result ? (
            <div className="actions">
              <button type="button" className="primary" disabled={!canOperate || running} onClick={() => void start.run({ ...planned, replayId: plan.result?.replayId })} data-testid="replay-run" title={canOperate ? undefined : 'Operators only'}>
                Run replay
              </button>
              {!canOperate ? <span className="muted">Only operators may replay.</span> : null}
            </div>
          ) : null}
          <ErrorMessage error={start.error} testId="replay-error" />
          {start.result ? <JobProgress job={job} pollError={jobError} /> : null}
          {result ? (
            <div className="success" data-testid="replay-result">
              Replay <code data-testid="replay-id">{result.replayId}</code>: copied <strong data-testid="replay-copied">{result.copied}</strong>, filtered out {result.filteredOut}, already copied before {result.alreadyCopied}, in {(result.elapsedMs / 1000).toFixed(1)} s.
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
