/**
 * How a long operation (a replay, a redrive) says it is alive: the total once, then the
 * records handled as they go, then the end. A CLI draws a bar, a console pushes events;
 * the operation never prints.
 */
export interface ProgressListener {
  start(total: number): void;
  advance(count: number): void;
  stop(): void;
}

const noop = (): void => undefined;

export const NO_PROGRESS: ProgressListener = { start: noop, advance: noop, stop: noop };
