import { benchHelp, COMPARABLE, parseBenchArgs } from './cli-args';

const KNOWN = ['S0', 'S3', 'S6'];

describe('bench arguments', () => {
  it.each([
    [['--profile', 'quick'], 'quick', undefined],
    [['--profile=full', '--only', 's6,S3'], 'full', ['S6', 'S3']],
    [['--only=S0', '--profile', 'quick'], 'quick', ['S0']],
  ])('%j → profile %s, only %j', (argv, profile, only) => {
    const args = parseBenchArgs(argv, KNOWN);
    expect(args.profile.name).toBe(profile);
    expect(args.only ? [...args.only] : undefined).toEqual(only);
  });

  it.each([
    [[], /--profile must be quick or full/],
    [['--profile', 'huge'], /--profile must be quick or full/],
    [['--profile', 'quick', '--only', 'S9'], /unknown: S9/],
    [['--profile', 'quick', '--reps', '3'], /unknown argument "--reps"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, KNOWN)).toThrow(message);
  });
});

describe('bench arguments, --compare-with', () => {
  const ALL = ['S0', 'S2', 'S3', 'S6', 'MEM'];

  it.each([
    [['--profile', 'quick', '--compare-with', 'HEAD'], { ref: 'HEAD', repetitions: undefined, label: 'issue 13' }, [...COMPARABLE]],
    [['--compare-with=559b022', '--profile=full', '--only', 's3,mem'], { ref: '559b022', repetitions: undefined, label: 'issue 13' }, ['S3', 'MEM']],
    [['--profile', 'quick', '--compare-with', 'v1.0', '--repetitions', '7', '--label', 'issue 14'], { ref: 'v1.0', repetitions: 7, label: 'issue 14' }, [...COMPARABLE]],
    [['--profile', 'quick', '--compare-with', 'HEAD~2', '--label=a=b'], { ref: 'HEAD~2', repetitions: undefined, label: 'a=b' }, [...COMPARABLE]],
  ])('%j → %j over %j', (argv, compare, only) => {
    const args = parseBenchArgs(argv, ALL);
    expect(args.compare).toEqual(compare);
    expect([...(args.only ?? [])]).toEqual(only);
  });

  it.each([
    [['--profile', 'quick', '--compare-with', 'HEAD', '--only', 'S0,S3'], /measures S2, S3, S6, MEM only \(not S0\)/],
    [['--profile', 'quick', '--compare-with', '--only', 'S3'], /takes a git ref/],
    [['--profile', 'quick', '--compare-with'], /takes a git ref/],
    [['--profile', 'quick', '--compare-with', 'HEAD', '--repetitions', '0'], /--repetitions must be a whole number from 1 to 100/],
    [['--profile', 'quick', '--compare-with', 'HEAD', '--repetitions', '2.5'], /--repetitions must be a whole number/],
    [['--profile', 'quick', '--compare-with', 'HEAD', '--label', ' '], /--label must not be empty/],
    [['--profile', 'quick', '--repetitions', '3'], /only go with --compare-with/],
    [['--profile', 'quick', '--label', 'x'], /only go with --compare-with/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, ALL)).toThrow(message);
  });
});

describe('benchHelp', () => {
  it('teaches both profiles and names every scenario', () => {
    const help = benchHelp([
      { id: 'S3', title: 'Consumer throughput' },
      { id: 'MEM', title: 'Consumer memory' },
    ]);
    expect(help).toContain('--profile quick');
    expect(help).toContain('--profile full');
    expect(help).toMatch(/S3\s+Consumer throughput/);
    expect(help).toMatch(/MEM\s+Consumer memory/);
  });

  it('teaches the before/after comparison', () => {
    const help = benchHelp([]);
    expect(help).toContain('--compare-with <ref>');
    expect(help).toContain('--repetitions <n>');
  });
});
