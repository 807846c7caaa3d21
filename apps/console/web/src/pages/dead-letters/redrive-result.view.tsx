import type { RedriveResult } from '../../api/api-types';
import { SkippedCounts } from './skipped-counts';

export function RedriveResultView({ result }: { readonly result: RedriveResult }) {
  const alreadyRedriven = result.skipped['already redriven'] ?? 0;
  return (
    <div className={result.sent > 0 ? 'success' : 'notice'} data-testid="redrive-result" data-sent={result.sent}>
      <p>
        Sent <strong data-testid="redrive-sent">{result.sent}</strong>
        <SkippedCounts skipped={result.skipped} />. Redrive id <code data-testid="redrive-id">{result.redriveId}</code>.
      </p>
      {result.sent === 0 && alreadyRedriven > 0 ? (
        <p data-testid="redrive-already-redriven">
          Nothing sent: already redriven. Check “force” to send again.
        </p>
      ) : null}
      {result.destinations.length > 0 ? (
        <ul>
          {result.destinations.map((d) => (
            <li key={`${d.topic}:${d.partition}:${d.forGroup ?? ''}`}>
              {d.count} → {d.topic} partition {d.partition}
              {d.forGroup ? ` for group ${d.forGroup}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
