/** Levenshtein distance, two rows at a time: names here are short, lists a few thousand at most. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * " (did you mean orders?)" for a mistyped topic or group, as commander does for commands:
 * the closest known names within a third of the name's length (at least 2 edits), or names
 * that contain it. Empty when nothing is close.
 */
export function didYouMean(name: string, known: readonly string[]): string {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored = known
    .filter((k) => k !== name && !k.startsWith('__'))
    .map((k) => ({ k, d: k.includes(name) || name.includes(k) ? 1 : distance(name.toLowerCase(), k.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 3)
    .map(({ k }) => k);
  return scored.length === 0 ? '' : ` (did you mean ${scored.join(', ')}?)`;
}
