import { ensureKafka, LocalKafka, NodeState, SecurityMode } from '@eventline/local-kafka';
import { SCHEMAS_TEST_PREFIX } from '../schema-registry-process';
import { testKafka } from '../test-kafka';

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

/**
 * The registries' topics this suite made up (one per test registry, holding its subjects)
 * are deleted once every file is done: a spec may restart a registry on its topic, so none
 * can go earlier. Best effort; a broker already gone has nothing to delete.
 */
async function deleteTestSchemaTopics(): Promise<void> {
  if (!process.env.KAFKA_BROKERS) return;
  const admin = testKafka().admin();
  try {
    await admin.connect();
    const leftovers = (await admin.listTopics()).filter((t) => t.startsWith(SCHEMAS_TEST_PREFIX));
    if (leftovers.length > 0) await admin.deleteTopics({ topics: leftovers });
  } catch {
    // nothing to clean, or nobody to ask
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function globalTeardown(): Promise<void> {
  await deleteTestSchemaTopics();
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
