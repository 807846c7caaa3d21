/**
 * The last minutes of a measurement, kept in memory: samples older than the window are
 * dropped as new ones arrive, and at most `maxSamples` are kept whatever the rate. The
 * console's charts (lag per partition, dead letters per topic) read from these; a restart
 * starts them empty, which the page says ("since the console started").
 */
export class SampleWindow<T> {
  private readonly samples: Array<{ at: number; value: T }> = [];

  constructor(
    private readonly windowMs: number,
    private readonly maxSamples = 720,
  ) {
    if (!(windowMs > 0) || !(maxSamples > 0)) throw new RangeError('a sample window needs a positive length and capacity');
  }

  add(at: number, value: T): void {
    // A clock that stepped back must not reorder the series.
    const last = this.samples.at(-1);
    if (last && at < last.at) at = last.at;
    this.samples.push({ at, value });
    this.trim(at);
  }

  /** Oldest first, within the window that ends at `now`. */
  read(now: number): ReadonlyArray<{ at: number; value: T }> {
    this.trim(now);
    return this.samples.slice();
  }

  private trim(now: number): void {
    const oldest = now - this.windowMs;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop].at < oldest) drop += 1;
    if (this.samples.length - drop > this.maxSamples) drop = this.samples.length - this.maxSamples;
    if (drop > 0) this.samples.splice(0, drop);
  }
}
