import type { RedrivePreview } from '../../api/api-types';
import { orDash } from '../../components/format';
import { SkippedCounts } from './skipped-counts';

export function RedrivePreviewTable({ preview }: { readonly preview: RedrivePreview }) {
  return (
    <div data-testid="redrive-preview">
      <p>
        <strong data-testid="redrive-to-send">{preview.toSend}</strong> to send
        <SkippedCounts skipped={preview.skipped} />
      </p>
      {preview.toSend === 0 && (preview.skipped['already redriven'] ?? 0) > 0 ? (
        <p className="notice" data-testid="redrive-nothing-to-send">
          Nothing to send: already redriven. An operator may check “force” to send again.
        </p>
      ) : null}
      {preview.rows.length > 0 ? (
        <table data-testid="redrive-preview-table">
          <thead>
            <tr>
              <th className="num">DLQ partition</th>
              <th className="num">DLQ offset</th>
              <th>→ Topic</th>
              <th className="num">→ Partition</th>
              <th>For group</th>
              <th>Skipped</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={`${row.dlqPartition}:${row.dlqOffset}`} data-testid="redrive-preview-row" data-partition={row.dlqPartition} data-offset={row.dlqOffset}>
                <td className="num">{row.dlqPartition}</td>
                <td className="num">{row.dlqOffset}</td>
                <td data-testid="redrive-destination-topic">{orDash(row.topic)}</td>
                <td className="num" data-testid="redrive-destination-partition">
                  {orDash(row.partition)}
                </td>
                <td>{orDash(row.forGroup)}</td>
                <td data-testid="redrive-skip">{row.skip ? <span className={row.skip === 'already redriven' ? 'badge redriven' : 'badge warn'}>{row.skip}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.truncated ? <p className="muted">Only the first {preview.rows.length} rows are listed; the counts are complete.</p> : null}
    </div>
  );
}
