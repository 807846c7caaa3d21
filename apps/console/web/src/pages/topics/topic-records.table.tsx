import { Fragment, useState } from 'react';
import type { RecordView } from '../../api/api-types';
import { formatDateTime, orDash } from '../../components/format';
import { HeadersTable } from '../../components/headers-table';
import { RecordValue } from '../../components/record-value';
import { EVENT_TYPE_HEADER } from './topic-query';

const eventType = (record: RecordView): string | null => record.headers.find((h) => h.name === EVENT_TYPE_HEADER)?.text ?? null;

/** Offset, time, key and type per record; a click opens its decoded value and headers. */
export function TopicRecordsTable({ records }: { readonly records: readonly RecordView[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (offset: string) => {
    const next = new Set(open);
    if (next.has(offset)) next.delete(offset);
    else next.add(offset);
    setOpen(next);
  };
  if (records.length === 0) return <p className="muted" data-testid="topic-records-empty">No records from there (with these filters).</p>;
  return (
    <table data-testid="topic-records">
      <thead>
        <tr>
          <th />
          <th className="num">Offset</th>
          <th>Time</th>
          <th>Key</th>
          <th>Event type</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <Fragment key={r.offset}>
            <tr className="clickable" onClick={() => toggle(r.offset)} data-testid="topic-record-row" data-partition={r.partition} data-offset={r.offset}>
              <td>
                <button type="button" className="link" aria-expanded={open.has(r.offset)} aria-label={`Show record ${r.offset}`}>
                  {open.has(r.offset) ? '▾' : '▸'}
                </button>
              </td>
              <td className="num">{r.offset}</td>
              <td>{formatDateTime(r.timestamp)}</td>
              <td className="mono truncate">{orDash(r.key)}</td>
              <td>{orDash(eventType(r))}</td>
              <td>{r.decodeError ? <span className="badge warn">undecodable</span> : null}</td>
            </tr>
            {open.has(r.offset) ? (
              <tr data-testid="topic-record-detail" data-offset={r.offset}>
                <td />
                <td colSpan={5}>
                  <RecordValue record={r} />
                  <HeadersTable headers={r.headers} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
