/**
 * The order peers run in within repetition `rep` (1-based): each peer goes first in turn
 * (the list rotated by rep − 1), walking the list forward on odd repetitions and backward on
 * even ones (A B C D, B A D C, C D A B, D C B A, …), so a peer does not always run right
 * after the same neighbour. A peer that leaves the heap, the broker's cache or the JIT in some
 * state would otherwise tax or favour its successor in every repetition, and the successor's
 * ratio would carry it.
 */
export function peerOrder<T>(peers: readonly T[], rep: number): T[] {
  const n = peers.length;
  const first = (rep - 1) % Math.max(n, 1);
  const step = rep % 2 === 0 ? -1 : 1;
  return peers.map((_, i) => peers[(((first + step * i) % n) + n) % n]);
}
