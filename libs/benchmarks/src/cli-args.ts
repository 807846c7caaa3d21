import { PROFILES, type Profile } from './profile';

export interface BenchArgs {
  readonly profile: Profile;
  /** Scenario ids to run (upper case); undefined runs them all. */
  readonly only?: ReadonlySet<string>;
}

const USAGE = 'usage: main.ts --profile quick|full [--only S0,S1,S2,S3,S4,S5,S6,S7,MEM]';

/** Parses the two options; anything else is refused with the usage line. */
export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  let profileName: string | undefined;
  let only: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--profile') profileName = value();
    else if (name === '--only') only = new Set((value() ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (profileName !== 'quick' && profileName !== 'full') throw new Error(`--profile must be quick or full (got ${profileName ?? 'nothing'})\n${USAGE}`);
  const unknown = [...(only ?? [])].filter((id) => !known.includes(id));
  if (only && (only.size === 0 || unknown.length > 0)) throw new Error(`--only takes scenario ids among ${known.join(', ')} (unknown: ${unknown.join(', ') || 'none given'})\n${USAGE}`);
  return { profile: PROFILES[profileName], only };
}
