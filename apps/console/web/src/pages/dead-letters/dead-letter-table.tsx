import { Link } from 'react-router';
import { seg } from '../../api/api';
import type { DeadLetterSummary } from '../../api/api-types';
import { formatDateTime, orDash } from '../../components/format';

export const recordKey = (r: { readonly partition: number; readonly offset: string }): string => `${r.partition}:${r.offset}`;

const source = (r: DeadLetterSummary): string => (r.sourceTopic ? `${r.sourceTopic} / ${orDash(r.sourcePartition)} @ ${orDash(r.sourceOffset)}` : '—');

export function DeadLetterTable({
  topic,
  records,
  selected,
  onSelectedChange,
}: {
  readonly topic: string;
  readonly records: readonly DeadLetterSummary[];
  readonly selected: ReadonlySet<string>;
  readonly onSelectedChange: (next: ReadonlySet<string>) => void;
}) {
  if (records.length === 0) return <p className="muted" data-testid="dead-letter-empty">No dead letters match.</p>;
  const allOnPage = records.every((r) => selected.has(recordKey(r)));
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelectedChange(next);
  };
  const togglePage = () => {
    const next = new Set(selected);
    for (const r of records) {
      if (allOnPage) next.delete(recordKey(r));
      else next.add(recordKey(r));
    }
    onSelectedChange(next);
  };
  return (
    <table data-testid="dead-letter-table">
      <thead>
        <tr>
          <th>
            <input type="checkbox" checked={allOnPage} onChange={togglePage} aria-label="Select every record on this page" />
          </th>
          <th className="num">Partition</th>
          <th className="num">Offset</th>
          <th>Failed at</th>
          <th>Error</th>
          <th title="topic / partition @ offset">Source</th>
          <th>Key</th>
          <th>Event type</th>
          <th className="num">Attempts</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {records.map((r) => {
          const key = recordKey(r);
          return (
            <tr key={key} className={selected.has(key) ? 'selected' : undefined} data-testid="dead-letter-row" data-partition={r.partition} data-offset={r.offset}>
              <td>
                <input type="checkbox" checked={selected.has(key)} onChange={() => toggle(key)} aria-label={`Select ${key}`} data-testid="dead-letter-select" />
              </td>
              <td className="num">{r.partition}</td>
              <td className="num">
                <Link to={`/dead-letters/${seg(topic)}/records/${r.partition}/${seg(r.offset)}`} data-testid="dead-letter-open">
                  {r.offset}
                </Link>
              </td>
              <td className="nowrap">{formatDateTime(r.failedAt)}</td>
              <td>
                <span className="mono" data-testid="dead-letter-error-code">
                  {orDash(r.errorCode)}
                </span>
                {r.errorMessage ? <div className="muted truncate" title={r.errorMessage}>{r.errorMessage}</div> : null}
              </td>
              <td className="nowrap" data-testid="dead-letter-source">{source(r)}</td>
              <td className="mono truncate key" title={r.key ?? undefined}>{orDash(r.key)}</td>
              <td>{orDash(r.eventType)}</td>
              <td className="num">{orDash(r.attempts)}</td>
              <td>{r.alreadyRedriven ? <span className="badge redriven" data-testid="already-redriven">already redriven</span> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
