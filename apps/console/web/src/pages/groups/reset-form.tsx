import { useState, type FormEvent } from 'react';
import { api, seg } from '../../api/api';
import { isApiError } from '../../api/api-error';
import type { GroupResetRequest, GroupResetResult, GroupView } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../hooks/use-action';
import { useCanOperate } from '../../session/session.context';
import { ResetPlanTable } from './reset-plan-table';
import { TARGET_HINTS, TARGET_KINDS, resetRequestFrom, type ResetFormValues, type TargetKind } from './reset-request';

/**
 * Plan first (POST …/reset/plan), then execute the same request (POST …/reset). The server
 * refuses while the group has members (409 GROUP_ACTIVE, naming them), exactly as the CLI.
 */
export function ResetForm({ group }: { readonly group: GroupView }) {
  const canOperate = useCanOperate();
  const groupTopics = [...new Set(group.partitions.map((p) => p.topic))].join(', ');
  const [values, setValues] = useState<ResetFormValues>({ topics: groupTopics, partitions: '', kind: 'earliest', value: '' });
  const [planned, setPlanned] = useState<GroupResetRequest | null>(null);
  const [inputError, setInputError] = useState<unknown>(null);
  const base = `/api/groups/${seg(group.groupId)}/reset`;
  const plan = useAction((request: GroupResetRequest) => api.post<GroupResetResult>(`${base}/plan`, request));
  const execute = useAction((request: GroupResetRequest) => api.post<GroupResetResult>(base, request));

  const change = (patch: Partial<ResetFormValues>) => {
    setValues({ ...values, ...patch });
    // A plan shown for other inputs must not be executed.
    setPlanned(null);
    plan.reset();
    execute.reset();
  };

  async function submitPlan(event: FormEvent) {
    event.preventDefault();
    setInputError(null);
    execute.reset();
    let request: GroupResetRequest;
    try {
      request = resetRequestFrom(values);
    } catch (error) {
      setInputError(error);
      return;
    }
    if (await plan.run(request)) setPlanned(request);
  }

  // 409: refused by the state of the cluster (members still run: OPS_GROUP_ACTIVE), said as a refusal.
  const refused = (error: unknown) => isApiError(error) && error.status === 409;
  const refusal = refused(execute.error) || refused(plan.error);
  return (
    <div className="card" data-testid="reset-form-card">
      <form className="inline" onSubmit={submitPlan} data-testid="reset-form" aria-label="Reset offsets">
        <label>
          Topics
          <input name="topics" value={values.topics} onChange={(e) => change({ topics: e.target.value })} placeholder="orders, shipments" />
        </label>
        <label>
          Partitions (optional)
          <input name="partitions" value={values.partitions} onChange={(e) => change({ partitions: e.target.value })} placeholder="all" />
        </label>
        <label>
          Target
          <select aria-label="Target" name="kind" value={values.kind} onChange={(e) => change({ kind: e.target.value as TargetKind })}>
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        {TARGET_HINTS[values.kind] ? (
          <label>
            Value
            <input name="value" value={values.value} onChange={(e) => change({ value: e.target.value })} placeholder={TARGET_HINTS[values.kind]} />
          </label>
        ) : null}
        <button type="submit" disabled={plan.busy} data-testid="reset-plan">
          Show plan
        </button>
      </form>
      <ErrorMessage error={inputError} />
      <ErrorMessage error={plan.error} testId={refusal ? 'reset-refused' : 'reset-error'} title={refused(plan.error) ? 'Refused' : undefined} />
      {plan.result && planned ? (
        <>
          <h3>Plan</h3>
          <ResetPlanTable rows={plan.result.rows} testId="reset-plan-table" />
          {execute.result ? null : (
            <div className="actions">
              <button type="button" className="danger" disabled={!canOperate || execute.busy} onClick={() => void execute.run(planned)} data-testid="reset-execute" title={canOperate ? undefined : 'Operators only'}>
                Execute reset
              </button>
              {!canOperate ? <span className="muted">Only operators may reset offsets.</span> : null}
            </div>
          )}
        </>
      ) : null}
      <ErrorMessage error={execute.error} testId={refused(execute.error) ? 'reset-refused' : 'reset-error'} title={refused(execute.error) ? 'Refused' : undefined} />
      {execute.result ? (
        <div className="success" data-testid="reset-done">
          Offsets of {execute.result.groupId} reset{execute.result.executed ? '' : ' (not executed)'}: {execute.result.rows.length} partition(s).
        </div>
      ) : null}
    </div>
  );
}
