/** ", 2 skipped: already redriven 1, source unknown 1" — nothing when none skipped. */
export function SkippedCounts({ skipped }: { readonly skipped: Readonly<Record<string, number>> }) {
  const entries = Object.entries(skipped).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return (
    <span data-testid="skipped-counts">
      , {total} skipped:{' '}
      {entries.map(([reason, n], i) => (
        <span key={reason} data-testid="skipped-reason" data-reason={reason}>
          {i > 0 ? ', ' : null}
          <span className={reason === 'already redriven' ? 'badge redriven' : 'badge warn'}>{reason}</span> {n}
        </span>
      ))}
    </span>
  );
}
