import { messageOf } from '../api/api-error';
import type { Polled } from '../hooks/use-poll';
import { formatTime } from './format';

/** "as of 12:00:05" from the server's asOf, and a stale mark while polls fail. */
export function AsOf({ asOf, polled }: { readonly asOf: string | undefined; readonly polled: Polled<unknown> }) {
  if (!asOf && !polled.error) return <span className="as-of muted" data-testid="as-of">loading…</span>;
  return (
    <span className={`as-of${polled.stale ? ' stale' : ''}`} data-testid="as-of" data-stale={polled.stale ? 'true' : 'false'}>
      {asOf ? <>as of <time dateTime={asOf}>{formatTime(asOf)}</time></> : null}
      {polled.stale ? (
        <span className="stale-mark" data-testid="stale-indicator" title={messageOf(polled.error)}>
          {' '}
          · stale: {messageOf(polled.error)}
        </span>
      ) : null}
    </span>
  );
}
