import { PROFILES, type Profile } from './profile';

export interface BenchArgs {
  readonly profile: Profile;
  /** Scenario ids to run (upper case); undefined runs them all. */
  readonly only?: ReadonlySet<string>;
}

const USAGE = 'usage: main.ts --profile quick|full [--only S0,S1,S2,S3,S4,S5,S6,S7,S8,MEM]';

/** What `npm run bench -- --help` prints. */
export function benchHelp(scenarios: ReadonlyArray<{ readonly id: string; readonly title?: string }>): string {
  return [
    'npm run bench -- --profile quick|full [--only <ids>]',
    '',
    'Runs Eventline side by side with its peers on one broker (the local one, started if needed,',
    'or KAFKA_BROKERS), peers alternated over repetitions, and writes docs/benchmarks.md and .json',
    'with the machine, versions, the command, medians and spreads, and whether each target is met.',
    '',
    '  --profile quick   small sizes, 2 repetitions: checks the suite works (a few minutes)',
    '  --profile full    the sizes the report is quoted from (much longer)',
    '  --only S3,MEM     only these scenarios',
    '',
    'Scenarios:',
    ...scenarios.map((s) => `  ${s.id.padEnd(4)} ${s.title ?? ''}`.trimEnd()),
    '',
    'Environment: KAFKA_BROKERS (use this cluster), EVENTLINE_KAFKA_PORT / EVENTLINE_CACHE_DIR (where the',
    'local broker listens and keeps its files). Figures on a busy machine are noisy: compare the ratios.',
    '',
    'Example: npm run bench -- --profile quick --only S3',
  ].join('\n');
}

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
