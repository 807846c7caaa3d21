import { OpsError, OpsErrorCode, OpsRemedy, parseOffset } from '@eventline/ops';
import { CliErrorCode } from './cli.error';
import { ExitCode } from './exit-code';
import { flagOf, fromOpsError } from './ops-error.mapping';

describe('an ops error becomes the CLI one-liner that names flags', () => {
  it('puts the flag where the message names the parameter', () => {
    expect.assertions(3);
    try {
      parseOffset('x', 'fromOffset');
    } catch (err) {
      const cli = fromOpsError(err as OpsError);
      expect(cli.code).toBe(CliErrorCode.BadArgument);
      expect(cli.exitCode).toBe(ExitCode.Usage);
      expect(cli.message).toBe('--from-offset "x" is not an offset (a whole number ≥ 0)');
    }
  });

  it('replaces a parameter name only where it stands alone', () => {
    const error = new OpsError(OpsErrorCode.BadArgument, 'topic "a:b:c" is not <topic> or <topic>:<p>,<p>', { detail: { fields: ['topic'] } });
    expect(fromOpsError(error).message).toBe('--topic "a:b:c" is not <topic> or <topic>:<p>,<p>');
  });

  it('adds the fix in the CLI’s own terms', () => {
    const error = new OpsError(OpsErrorCode.UnknownTopic, 'target topic b does not exist', { detail: { remedy: OpsRemedy.CreateTarget, topic: 'b', sourceTopic: 'a' } });
    expect(fromOpsError(error)).toMatchObject({
      code: CliErrorCode.UnknownTopic,
      message: 'target topic b does not exist: add --create-target (same partitions and configs as a), or run "eventline topics create b --like a"',
    });
  });

  it.each([
    ['toTopic', '--to-topic'],
    ['targetTopic', '--to-topic'],
    ['byDuration', '--by-duration'],
    ['partition', '--partition'],
  ])('%s is %s', (field, flag) => {
    expect(flagOf(field)).toBe(flag);
  });
});
