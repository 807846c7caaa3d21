import { useState } from 'react';
import { api } from '../../api/api';
import type { AuditEntry, AuditPage as Page } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { formatDateTime } from '../../components/format';
import { useLoad } from '../../hooks/use-load';

export const AUDIT_PAGE_SIZE = 50;

/** `{"topic":"orders","records":3}` → `topic=orders records=3`, nested values as JSON. */
function summary(value: Record<string, unknown> | undefined): string {
  if (!value) return '';
  return Object.entries(value)
    .map(([name, v]) => `${name}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

function AuditRow({ entry }: { readonly entry: AuditEntry }) {
  return (
    <tr data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome} data-offset={entry.offset}>
      <td>{formatDateTime(entry.at)}</td>
      <td>{entry.user}</td>
      <td>{entry.role}</td>
      <td className="mono" data-testid="audit-action">
        {entry.action}
      </td>
      <td>
        <span className={`badge outcome-${entry.outcome}`} data-testid="audit-outcome">
          {entry.outcome}
        </span>
      </td>
      <td className="mono audit-summary">
        <div title={JSON.stringify(entry.request)}>{summary(entry.request)}</div>
        {entry.result ? <div className="muted">→ {summary(entry.result)}</div> : null}
        {entry.error ? <div className="error-code">{entry.error.code}: {entry.error.message}</div> : null}
      </td>
    </tr>
  );
}

/** Newest first; "Older" pages back by `before` (an offset of the audit topic). */
export function AuditPage() {
  const [befores, setBefores] = useState<(string | null)[]>([null]);
  const before = befores[befores.length - 1] ?? null;
  const page = useLoad(() => api.get<Page>('/api/audit', { before, limit: AUDIT_PAGE_SIZE }), before ?? 'newest');
  return (
    <section data-testid="audit-page">
      <div className="page-head">
        <h1>Audit</h1>
        <button type="button" onClick={() => (befores.length > 1 ? setBefores([null]) : page.reload())}>
          Newest
        </button>
      </div>
      <ErrorMessage error={page.error} />
      {page.loading ? <p className="muted">Loading…</p> : null}
      {page.data && page.data.entries.length === 0 ? <p className="muted">No actions recorded.</p> : null}
      {page.data && page.data.entries.length > 0 ? (
        <table data-testid="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>User</th>
              <th>Role</th>
              <th>Action</th>
              <th>Outcome</th>
              <th>Request → result</th>
            </tr>
          </thead>
          <tbody>
            {page.data.entries.map((entry) => (
              <AuditRow key={entry.offset} entry={entry} />
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="actions">
        <button type="button" disabled={befores.length <= 1} onClick={() => setBefores(befores.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={!page.data?.nextBefore} onClick={() => setBefores([...befores, page.data?.nextBefore ?? null])} data-testid="audit-older">
          Older
        </button>
      </div>
    </section>
  );
}
