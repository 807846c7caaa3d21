/**
 * The records of one partition handed to key-order processing and not yet below the
 * watermark. Offsets are dispatched in offset order and may finish in any order; the
 * watermark is the first dispatched offset that has not finished (or the one after the last
 * dispatched, when all have), so every record below it is done.
 */
export class CompletionWindow {
  private readonly offsets: bigint[] = [];
  private head = 0;
  private readonly finished = new Set<bigint>();
  private next: bigint;

  constructor(start: bigint) {
    this.next = start;
  }

  dispatch(offset: bigint): void {
    const last = this.offsets.length > this.head ? this.offsets[this.offsets.length - 1] : this.next - 1n;
    if (offset <= last) throw new Error(`offset ${offset} dispatched out of order (last ${last})`);
    this.offsets.push(offset);
  }

  /** Marks `offset` finished; returns how many records the watermark moved past. */
  finish(offset: bigint): number {
    this.finished.add(offset);
    let moved = 0;
    while (this.head < this.offsets.length && this.finished.has(this.offsets[this.head])) {
      const done = this.offsets[this.head++];
      this.finished.delete(done);
      this.next = done + 1n;
      moved++;
    }
    if (this.head > 1_024 && this.head * 2 > this.offsets.length) {
      this.offsets.splice(0, this.head);
      this.head = 0;
    }
    return moved;
  }

  get watermark(): bigint {
    return this.head < this.offsets.length ? this.offsets[this.head] : this.next;
  }

  /** Finished offsets above the watermark, ascending. */
  finishedAbove(): bigint[] {
    const result: bigint[] = [];
    for (let i = this.head + 1; i < this.offsets.length; i++) if (this.finished.has(this.offsets[i])) result.push(this.offsets[i]);
    return result;
  }

  /** Dispatched records not yet below the watermark (finished or not). */
  get size(): number {
    return this.offsets.length - this.head;
  }
}
