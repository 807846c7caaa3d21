import { readFileSync } from 'node:fs';

/**
 * Reads settings from the environment and collects every problem, so one start reports them
 * all (the same contract as libs/service-kit's EnvReader, which is the pipeline's: a scope:ops
 * project may not import it).
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(
    readonly env: NodeJS.ProcessEnv,
    private readonly readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  ) {}

  optional(name: string): string | undefined {
    const raw = this.env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  number(name: string, fallback: number, min: number, max: number, integer = true): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      this.problems.push(`${name}=${raw}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name, fallback);
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
    return fallback;
  }

  flag(name: string): boolean {
    const raw = this.optional(name);
    if (raw === undefined || raw === '0' || raw === 'false') return false;
    if (raw === '1' || raw === 'true') return true;
    this.problems.push(`${name}=${raw}: expected 1 or 0`);
    return false;
  }

  /** The file's text, or undefined with a problem naming the variable (never the contents). */
  file(name: string, path: string): string | undefined {
    try {
      return this.readFile(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      this.problems.push(`${name}=${path}: cannot read the file (${reason})`);
      return undefined;
    }
  }
}
