import { ensureKafka, type LocalKafka } from '@eventline/local-kafka';

// Jest runs global setup and teardown in its main process; a global survives between them
// even when several projects each declare this setup.
const started = globalThis as { __eventlineStartedKafka?: LocalKafka };

/**
 * Every test process finds the brokers in KAFKA_BROKERS. A broker that is already running
 * (or a cluster named by KAFKA_BROKERS) is reused and left running; one started here is
 * stopped at the end unless EVENTLINE_KEEP_KAFKA=1.
 */
export async function globalSetup(): Promise<void> {
  if (process.env.KAFKA_BROKERS) return;
  const connection = await ensureKafka((line) => process.stderr.write(`[kafka] ${line}\n`));
  process.env.KAFKA_BROKERS = connection.brokers.join(',');
  if (connection.startedHere) started.__eventlineStartedKafka = connection.startedHere;
}

export async function globalTeardown(): Promise<void> {
  const local = started.__eventlineStartedKafka;
  if (!local || process.env.EVENTLINE_KEEP_KAFKA === '1') return;
  started.__eventlineStartedKafka = undefined;
  await local.stop();
}
