/**
 * A small seeded PRNG (mulberry32) so a scenario's "random" kill points and start/stop
 * choices can be replayed: each spec reports its seed, and RELIABILITY_SEED reuses one.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): SeededRandom {
    const raw = Number(env.RELIABILITY_SEED);
    return new SeededRandom(Number.isInteger(raw) ? raw : Date.now() % 2 ** 31);
  }

  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}
