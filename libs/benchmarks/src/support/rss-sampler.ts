/** Samples this process's resident set size on a timer; the peak is what a memory target is about. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private readonly samples: number[] = [];

  start(everyMs: number): void {
    this.samples.push(process.memoryUsage.rss());
    this.timer = setInterval(() => this.samples.push(process.memoryUsage.rss()), everyMs);
  }

  stop(): { peakMiB: number; lastMiB: number; count: number } {
    clearInterval(this.timer);
    this.samples.push(process.memoryUsage.rss());
    const mib = (bytes: number) => bytes / 2 ** 20;
    return { peakMiB: mib(Math.max(...this.samples)), lastMiB: mib(this.samples[this.samples.length - 1]), count: this.samples.length };
  }
}
