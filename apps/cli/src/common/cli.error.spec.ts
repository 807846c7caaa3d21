import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { CliError, CliErrorCode } from './cli.error';
import { ExitCode } from './exit-code';

const { Transient, Final } = Classification;

describe('CliError implements the classified-error protocol; one table gives exit code and classification', () => {
  it.each<[CliErrorCode, ExitCode, Classification]>([
    [CliErrorCode.BadArgument, ExitCode.Usage, Final],
    [CliErrorCode.ConfigInvalid, ExitCode.Usage, Final],
    [CliErrorCode.AuthenticationFailed, ExitCode.Failure, Final],
    [CliErrorCode.NotAuthorized, ExitCode.Failure, Final],
    [CliErrorCode.BadTime, ExitCode.Usage, Final],
    [CliErrorCode.UnknownTopic, ExitCode.Usage, Final],
    [CliErrorCode.UnknownPartition, ExitCode.Usage, Final],
    [CliErrorCode.UnknownGroup, ExitCode.Usage, Final],
    [CliErrorCode.OffsetOutOfRange, ExitCode.Usage, Final],
    [CliErrorCode.TargetTooFewPartitions, ExitCode.Refused, Final],
    [CliErrorCode.GroupActive, ExitCode.Refused, Final],
    [CliErrorCode.KafkaUnavailable, ExitCode.Failure, Transient],
    [CliErrorCode.RegistryUnavailable, ExitCode.Failure, Transient],
    [CliErrorCode.SendNotAcknowledged, ExitCode.Failure, Transient],
    [CliErrorCode.NoAuthorizer, ExitCode.Refused, Final],
    [CliErrorCode.Interrupted, ExitCode.Interrupted, Final],
  ])('%s: exit %d', (code, exitCode, classification) => {
    const error = new CliError(code, 'm');
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error.exitCode).toBe(exitCode);
  });
});
