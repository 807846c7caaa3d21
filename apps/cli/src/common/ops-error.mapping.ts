import { OpsErrorCode, OpsRemedy, type OpsError } from '@eventline/ops';
import { CliError, CliErrorCode } from './cli.error';

/** The CLI's code for each of the operations library's. */
const CLI_CODE: Readonly<Record<OpsErrorCode, CliErrorCode>> = {
  [OpsErrorCode.BadArgument]: CliErrorCode.BadArgument,
  [OpsErrorCode.BadTime]: CliErrorCode.BadTime,
  [OpsErrorCode.UnknownTopic]: CliErrorCode.UnknownTopic,
  [OpsErrorCode.UnknownPartition]: CliErrorCode.UnknownPartition,
  [OpsErrorCode.UnknownGroup]: CliErrorCode.UnknownGroup,
  [OpsErrorCode.OffsetOutOfRange]: CliErrorCode.OffsetOutOfRange,
  [OpsErrorCode.TopicExists]: CliErrorCode.BadArgument,
  [OpsErrorCode.TargetTooFewPartitions]: CliErrorCode.TargetTooFewPartitions,
  [OpsErrorCode.GroupActive]: CliErrorCode.GroupActive,
  [OpsErrorCode.NotADeadLetterTopic]: CliErrorCode.BadArgument,
  [OpsErrorCode.KafkaUnavailable]: CliErrorCode.KafkaUnavailable,
  [OpsErrorCode.RegistryUnavailable]: CliErrorCode.RegistryUnavailable,
  [OpsErrorCode.AuthenticationFailed]: CliErrorCode.AuthenticationFailed,
  [OpsErrorCode.NotAuthorized]: CliErrorCode.NotAuthorized,
  [OpsErrorCode.SendNotAcknowledged]: CliErrorCode.SendNotAcknowledged,
};

/** Parameters whose flag is not their name in kebab case. */
const FLAG_OF: Readonly<Record<string, string>> = {
  targetTopic: '--to-topic',
};

export function flagOf(field: string): string {
  return FLAG_OF[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** What the CLI adds for each kind of fix: its flags, variables and commands. */
function remedyText(error: OpsError): string {
  const { remedy, topic, sourceTopic } = error.detail;
  switch (remedy) {
    case undefined:
      return '';
    case OpsRemedy.ConfigureBrokers:
      return '; set KAFKA_BROKERS, --brokers or bootstrap.servers in --command-config';
    case OpsRemedy.CreateTarget:
      return `: add --create-target (same partitions and configs as ${sourceTopic}), or run "eventline topics create ${topic} --like ${sourceTopic}"`;
    case OpsRemedy.PlaceByKey:
      return '; add partitions to the target, or pass --repartition to place records by key';
    case OpsRemedy.SkipDecoding:
      return '; set SCHEMA_REGISTRY_URL or --registry, or add --raw to skip decoding';
    case OpsRemedy.AbsoluteTarget:
      return '; use --to-offset, --to-time, --to-earliest or --to-latest';
    case OpsRemedy.RunAgain:
      return ' — run the same command again to resume';
  }
}

/**
 * The library's error as the CLI's one line: its exit code, each parameter it names replaced
 * by the flag that set it, and the fix in the CLI's terms.
 */
export function fromOpsError(error: OpsError): CliError {
  let message = error.message;
  for (const field of error.detail.fields ?? []) {
    message = message.replace(new RegExp(`(?<![\\w-])${field}(?![\\w-])`), flagOf(field));
  }
  return new CliError(CLI_CODE[error.code], `${message}${remedyText(error)}`, { cause: error });
}
