import type { RecordHeaderView } from '../api/api-types';

export function HeadersTable({ headers }: { readonly headers: readonly RecordHeaderView[] }) {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table data-testid="headers-table">
      <thead>
        <tr>
          <th>Header</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h, i) => (
          <tr key={`${h.name}:${i}`} data-testid="header-row" data-header={h.name}>
            <td className="mono nowrap">{h.name}</td>
            <td className="mono pre-wrap">{h.text ?? <span title="not UTF-8: base64">{h.base64} (base64)</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
