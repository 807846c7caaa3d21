import { CLIENT_CONFIG_ENV, describeKafkaConnection, readConnectionSettings, type ConnectionSettings } from '@eventline/connection';
import { ensureKafka } from '@eventline/local-kafka';

/** Where the pipeline's Kafka is, and what each child app needs in its environment to reach it. */
export interface PipelineKafka {
  /** The settings the pipeline's own clients (admin, summary, traffic publisher) use. */
  readonly settings: ConnectionSettings;
  /** Environment for one child app (by its principal, e.g. "fulfillment-worker"). */
  childEnv(app: string): Record<string, string>;
  /** Printed at start: where, over what, as whom (never a secret). */
  readonly description: string;
  /** True for a broker on this machine that the launcher manages (its data outlives the run). */
  readonly local: boolean;
  /** Stops the broker if this run started it. */
  readonly stop?: () => Promise<void>;
}

/**
 * The rule for `npm start`: a cluster named by KAFKA_CLIENT_CONFIG or KAFKA_BROKERS is used
 * as configured (nothing is started, and each child inherits the same settings through the
 * environment); otherwise the local single broker, started if it is not running.
 */
export async function pipelineKafka(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<PipelineKafka> {
  const configured = [CLIENT_CONFIG_ENV, 'KAFKA_BROKERS'].find((name) => (env[name] ?? '').trim() !== '');
  if (configured) {
    const settings = readConnectionSettings({ env });
    for (const warning of settings.warnings) log(`warning: ${warning}`);
    // Children inherit process.env, and with it the same file and variables.
    return { settings, childEnv: () => ({}), description: `${describeKafkaConnection(settings.kafka)} (${configured})`, local: false };
  }
  const local = await ensureKafka(log);
  // The rest of the environment still counts (a registry elsewhere, its credentials).
  const settings = readConnectionSettings({ env: { ...env, KAFKA_BROKERS: local.brokers.join(',') } });
  return {
    settings,
    childEnv: () => ({ KAFKA_BROKERS: local.brokers.join(',') }),
    description: `${local.brokers.join(',')} (local broker)`,
    local: true,
    stop: local.startedHere ? async () => void (await local.startedHere?.stop()) : undefined,
  };
}
