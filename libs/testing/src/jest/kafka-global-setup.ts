import { ensureKafka, LocalKafka, NodeState, SecurityMode } from '@eventline/local-kafka';

// Jest runs global setup and teardown in its main process; a global survives between them
// even when several projects each declare this setup.
const started = globalThis as { __eventlineStartedKafka?: LocalKafka; __eventlineSecureWasRunning?: boolean };

/** The secure local cluster, which the security specs start on demand (it has its own ports). */
const secureCluster = () => new LocalKafka({ security: SecurityMode.SaslSsl });
const secureRunning = () => secureCluster().status().some((n) => n.state === NodeState.Running);

/**
 * Every test process finds the brokers in KAFKA_BROKERS. A broker that is already running
 * (or a cluster named by KAFKA_BROKERS) is reused and left running; one started here is
 * stopped at the end unless EVENTLINE_KEEP_KAFKA=1.
 */
export async function globalSetup(): Promise<void> {
  started.__eventlineSecureWasRunning ??= secureRunning();
  if (process.env.KAFKA_BROKERS) return;
  const connection = await ensureKafka((line) => process.stderr.write(`[kafka] ${line}\n`));
  process.env.KAFKA_BROKERS = connection.brokers.join(',');
  if (connection.startedHere) started.__eventlineStartedKafka = connection.startedHere;
}

export async function globalTeardown(): Promise<void> {
  // Specs share the secure cluster and never stop it (another file may still use it): a
  // secure cluster that this run brought up is stopped here, once every file is done.
  if (started.__eventlineSecureWasRunning === false && process.env.EVENTLINE_KEEP_KAFKA !== '1' && secureRunning()) {
    started.__eventlineSecureWasRunning = undefined;
    await secureCluster().stop();
  }
  const local = started.__eventlineStartedKafka;
  if (!local || process.env.EVENTLINE_KEEP_KAFKA === '1') return;
  started.__eventlineStartedKafka = undefined;
  await local.stop();
}
