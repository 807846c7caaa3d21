import { useEffect, useRef, useState } from 'react';
import { api, seg } from '../../api/api';
import type { RedrivePreview, RedriveRequest, RedriveResult, RedriveSelection } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { JobProgress } from '../../components/job-progress';
import { useAction } from '../../hooks/use-action';
import { jobIdOf, useJob, type JobStarted } from '../../hooks/use-job';
import { useCanOperate } from '../../session/session.context';
import { RedrivePreviewTable } from './redrive-preview.table';
import { RedriveResultView } from './redrive-result.view';

/**
 * Preview first (where each record goes, what the ledger skips), then redrive as a job. The
 * ledger skips what was redriven before ("already redriven"); an operator may force a resend.
 */
export function RedrivePanel({
  topic,
  selection,
  label,
  onClose,
  onDone,
}: {
  readonly topic: string;
  readonly selection: RedriveSelection;
  readonly label: string;
  readonly onClose?: () => void;
  /** Called once when the redrive job succeeded (the page reloads its badges). */
  readonly onDone?: () => void;
}) {
  const canOperate = useCanOperate();
  const [force, setForce] = useState(false);
  const [toTopic, setToTopic] = useState('');
  const request: RedriveRequest = { selection, ...(force ? { force } : {}), ...(toTopic.trim() ? { toTopic: toTopic.trim() } : {}) };
  const base = `/api/dead-letters/${seg(topic)}/redrive`;
  const preview = useAction((r: RedriveRequest) => api.post<RedrivePreview>(`${base}/preview`, r));
  const start = useAction((r: RedriveRequest) => api.post<JobStarted>(base, r));
  const { job, error: jobError } = useJob<RedriveResult>(jobIdOf(start.result));
  const requestKey = JSON.stringify(request);

  // The preview answers for one request: a new selection, force or destination asks again.
  const { run: runPreview } = preview;
  const { reset: resetStart } = start;
  useEffect(() => {
    resetStart();
    void runPreview(JSON.parse(requestKey) as RedriveRequest);
  }, [requestKey, runPreview, resetStart]);

  const running = start.busy || job?.state === 'running';
  const succeeded = job?.state === 'succeeded';
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    if (succeeded) onDoneRef.current?.();
  }, [succeeded]);
  return (
    <div className="card" data-testid="redrive-panel">
      <div className="page-head">
        <h3>Redrive {label}</h3>
        {onClose ? (
          <button type="button" className="link" onClick={onClose} disabled={running}>
            Close
          </button>
        ) : null}
      </div>
      <div className="actions">
        <label className="check">
          <input type="checkbox" checked={force} disabled={!canOperate || running} onChange={(e) => setForce(e.target.checked)} data-testid="redrive-force" />
          force (send again even if already redriven)
        </label>
        <label>
          Destination (optional, default: each record's source topic)
          <input value={toTopic} disabled={running} onChange={(e) => setToTopic(e.target.value)} placeholder="source topic" name="toTopic" />
        </label>
      </div>
      <ErrorMessage error={preview.error} testId="redrive-preview-error" />
      {preview.busy ? <p className="muted">Previewing…</p> : null}
      {preview.result ? <RedrivePreviewTable preview={preview.result} /> : null}
      {preview.result && !start.result ? (
        <div className="actions">
          <button type="button" className="primary" disabled={!canOperate || running || preview.result.toSend === 0} onClick={() => void start.run(request)} data-testid="redrive-execute" title={canOperate ? undefined : 'Operators only'}>
            Redrive {preview.result.toSend} record(s)
          </button>
          {!canOperate ? <span className="muted">Only operators may redrive.</span> : null}
        </div>
      ) : null}
      <ErrorMessage error={start.error} testId="redrive-error" />
      {start.result ? <JobProgress job={job} pollError={jobError} /> : null}
      {job?.state === 'succeeded' && job.result ? <RedriveResultView result={job.result} /> : null}
    </div>
  );
}
