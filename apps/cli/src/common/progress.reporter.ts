import { SingleBar } from 'cli-progress';

/** How a long copy shows it is alive. Chosen once per command by `progressFor`. */
export interface ProgressReporter {
  start(total: number): void;
  advance(count: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2_000;

/**
 * A bar with rate and ETA on a terminal; on a pipe or in CI a plain line every two seconds
 * (a bar's carriage returns turn a log into noise); nothing with `--json`, whose stdout is a
 * document and whose stderr scripts may capture. Always on stderr.
 */
export function progressFor(label: string, options: { json: boolean; stream?: NodeJS.WriteStream; now?: () => number }): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.json) return SILENT;
  if (stream.isTTY) return new BarProgress(label, stream, options.now ?? Date.now);
  return new PlainProgress(label, stream, options.now ?? Date.now);
}

const noop = (): void => undefined;

const SILENT: ProgressReporter = { start: noop, advance: noop, stop: noop };

class BarProgress implements ProgressReporter {
  private readonly bar: SingleBar;
  private done = 0;
  private startedAt = 0;

  constructor(
    label: string,
    stream: NodeJS.WriteStream,
    private readonly now: () => number,
  ) {
    this.bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} rec/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    });
  }

  start(total: number): void {
    this.startedAt = this.now();
    this.bar.start(total, 0, { rate: '0' });
  }

  advance(count: number): void {
    this.done += count;
    const seconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    this.bar.update(this.done, { rate: Math.round(this.done / seconds).toString() });
  }

  stop(): void {
    this.bar.stop();
  }
}

class PlainProgress implements ProgressReporter {
  private total = 0;
  private done = 0;
  private startedAt = 0;
  private lastPrinted = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WritableStream,
    private readonly now: () => number,
  ) {}

  start(total: number): void {
    this.total = total;
    this.startedAt = this.lastPrinted = this.now();
  }

  advance(count: number): void {
    this.done += count;
    const now = this.now();
    if (now - this.lastPrinted < PLAIN_EVERY_MS) return;
    this.lastPrinted = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? `${Math.ceil((this.total - this.done) / rate)} s` : '?';
    const percent = this.total > 0 ? Math.floor((this.done * 100) / this.total) : 100;
    this.stream.write(`${this.label}: ${this.done}/${this.total} (${percent}%)  ${Math.round(rate)} rec/s  ETA ${eta}\n`);
  }

  stop(): void {
    // Plain lines need no closing; the command prints its own summary.
  }
}
