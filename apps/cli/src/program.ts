import { Command } from 'commander';
import { aclsCommand } from './acls/acls.command';
import { DEFAULT_BROKERS, DEFAULT_REGISTRY_URL } from './common/connection-options';
import { dlqCommand } from './dlq/dlq.command';
import { groupsCommand } from './groups/groups.command';
import { replayCommand } from './replay/replay.command';
import { tailCommand } from './tail/tail.command';
import { topicsCommand } from './topics/topics.command';

/** The command tree. Each command's wiring lives beside its logic, under its own folder. */
export function buildProgram(): Command {
  const program = new Command('eventline')
    .description('Operate Eventline topics: inspect, tail, replay, reset consumer groups, redrive dead letters.')
    .option('--brokers <list>', `Kafka bootstrap servers host:port,… (env KAFKA_BROKERS, default ${DEFAULT_BROKERS})`)
    .option('--registry <url>', `schema registry URL (env SCHEMA_REGISTRY_URL, default ${DEFAULT_REGISTRY_URL})`)
    .option(
      '--command-config <file>',
      'client properties file for a secured cluster (env KAFKA_CLIENT_CONFIG): bootstrap.servers, security.protocol, sasl.*, ssl.*, schema.registry.*',
    )
    .option('--json', 'machine-readable output on stdout (no tables, no progress bar)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 runtime failure (Kafka/registry unreachable, send not acknowledged)
            2 bad input (unknown topic/group, offset out of range, bad time) · 3 refused as unsafe

Secured clusters: --command-config takes the client.properties that Confluent Cloud and Kafka's
own tools use; KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_* and SCHEMA_REGISTRY_* override it
(secrets also as <NAME>_FILE). See README "Connecting to a secured cluster".

Examples:
  eventline topics list
  eventline --command-config client.properties groups list
  eventline tail orders --from-time 10m --max 20
  eventline replay orders --to-topic orders.replay --from-time 2h --create-target --dry-run
  eventline groups reset billing --topic orders --by-duration 1h          # dry run
  eventline dlq redrive orders.dlq --error-code CODEC_BAD_MAGIC_BYTE --execute`,
    );
  for (const command of [topicsCommand(), tailCommand(), replayCommand(), groupsCommand(), dlqCommand()]) program.addCommand(command);
  program.addCommand(aclsCommand());
  return program;
}
