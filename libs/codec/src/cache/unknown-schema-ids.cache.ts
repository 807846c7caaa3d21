/**
 * Remembers schema ids the registry said it does not know, for `ttlMs`. A poison record (or a
 * flood of them) with an unknown id would otherwise cost a registry round trip per delivery:
 * with this, each id is looked up at most once per TTL. The TTL exists because "unknown" can
 * stop being true (a schema registered on another cluster's registry that ours mirrors later).
 * Bounded: beyond `capacity` ids the oldest is forgotten, so random ids cannot grow memory.
 */
export class UnknownSchemaIdsCache {
  private readonly expiries = new Map<number, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(schemaId: number): boolean {
    const expiry = this.expiries.get(schemaId);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiries.delete(schemaId);
    return false;
  }

  remember(schemaId: number): void {
    this.expiries.delete(schemaId);
    if (this.expiries.size >= this.capacity) {
      // Map iterates in insertion order: the first key is the oldest entry.
      const oldest = this.expiries.keys().next().value as number;
      this.expiries.delete(oldest);
    }
    this.expiries.set(schemaId, this.now() + this.ttlMs);
  }
}
