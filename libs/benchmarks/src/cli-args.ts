import { PROFILES, type Profile } from './profile';

export interface BenchArgs {
  readonly profile: Profile;
  /** Scenario ids to run (upper case); undefined runs them all. */
  readonly only?: ReadonlySet<string>;
  /** Set by --compare-with: measure the baseline ref and the working tree instead of the peers. */
  readonly compare?: CompareArgs;
}

export interface CompareArgs {
  /** The git ref to measure as "before" (any rev-parse-able name: a sha, a tag, HEAD~3). */
  readonly ref: string;
  /** Repetitions of every compared scenario; the profile's own counts when undefined. */
  readonly repetitions?: number;
  /** Names the report section, `Before/after (<label>)`; a later run with the same label replaces it. */
  readonly label: string;
}

/** The scenarios `--compare-with` can measure in both trees: the ones issue 13 bounds. */
export const COMPARABLE = ['S2', 'S3', 'S6', 'MEM'] as const;

const USAGE =
  'usage: main.ts --profile quick|full [--only S0,S1,S2,S3,S4,S5,S6,S7,S8,S9,MEM]\n' +
  '       main.ts --profile quick|full --compare-with <git-ref> [--only S2,S3,S6,MEM] [--repetitions <n>] [--label <text>]';

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
    'Before/after (same broker, one invocation, the two trees alternated per repetition):',
    '  --compare-with <ref>  measure S2, S3, S6 and MEM in a worktree of <ref> (.cache/bench-baseline/<sha>)',
    '                        and in this working tree; report current / baseline with medians and spreads',
    '  --repetitions <n>     repetitions per compared scenario (default: the profile\'s)',
    '  --label <text>        the report section\'s name, "Before/after (<text>)" (default: issue 13)',
    '  First compare a clean tree with itself (--compare-with HEAD --label "noise floor"): the ratios of',
    '  identical code show how much this machine moves them, against the bound a before/after must meet.',
    '',
    'Example: npm run bench -- --profile quick --only S3',
    '         npm run bench -- --profile full --compare-with 559b022 --only S2,S3,S6,MEM',
  ].join('\n');
}

/** Parses the options; anything else is refused with the usage line. */
export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  let profileName: string | undefined;
  let only: Set<string> | undefined;
  let ref: string | undefined;
  let repetitions: string | undefined;
  let label: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // Split at the first '=' only: a label may hold one.
    const eq = arg.indexOf('=');
    const [name, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    // An option never takes the next option as its value: `--compare-with --only S3` lacks a ref.
    const value = () => inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
    if (name === '--profile') profileName = value();
    else if (name === '--only') only = new Set((value() ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
    else if (name === '--compare-with') ref = value() ?? '';
    else if (name === '--repetitions') repetitions = value() ?? '';
    else if (name === '--label') label = value() ?? '';
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (profileName !== 'quick' && profileName !== 'full') throw new Error(`--profile must be quick or full (got ${profileName ?? 'nothing'})\n${USAGE}`);
  const unknown = [...(only ?? [])].filter((id) => !known.includes(id));
  if (only && (only.size === 0 || unknown.length > 0)) throw new Error(`--only takes scenario ids among ${known.join(', ')} (unknown: ${unknown.join(', ') || 'none given'})\n${USAGE}`);
  const profile = PROFILES[profileName];
  if (ref === undefined) {
    if (repetitions !== undefined || label !== undefined) throw new Error(`--repetitions and --label only go with --compare-with\n${USAGE}`);
    return { profile, only };
  }
  return { profile, only: compareSelection(only), compare: { ref: compareRef(ref), repetitions: repetitionCount(repetitions), label: compareLabel(label) } };
}

function compareRef(ref: string): string {
  // A ref starting with '-' would be read by git as an option.
  if (!ref || ref.startsWith('-')) throw new Error(`--compare-with takes a git ref, e.g. HEAD or a sha (got "${ref}")\n${USAGE}`);
  return ref;
}

function compareSelection(only: ReadonlySet<string> | undefined): ReadonlySet<string> {
  const comparable: readonly string[] = COMPARABLE;
  const outside = [...(only ?? [])].filter((id) => !comparable.includes(id));
  if (outside.length > 0) throw new Error(`--compare-with measures ${COMPARABLE.join(', ')} only (not ${outside.join(', ')})\n${USAGE}`);
  return only ?? new Set(COMPARABLE);
}

function repetitionCount(repetitions: string | undefined): number | undefined {
  if (repetitions === undefined) return undefined;
  const n = Number(repetitions);
  if (!/^\d+$/.test(repetitions) || n < 1 || n > 100) throw new Error(`--repetitions must be a whole number from 1 to 100 (got "${repetitions}")\n${USAGE}`);
  return n;
}

function compareLabel(label: string | undefined): string {
  const text = (label ?? 'issue 13').trim();
  if (!text) throw new Error(`--label must not be empty\n${USAGE}`);
  return text;
}
