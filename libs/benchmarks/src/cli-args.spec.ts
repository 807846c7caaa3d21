import { benchHelp, parseBenchArgs } from './cli-args';

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
});
