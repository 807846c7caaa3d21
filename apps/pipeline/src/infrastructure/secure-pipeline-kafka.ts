import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { applyAcls, diffAcls, planAcls, readAcls } from '@eventline/access';
import { describeKafkaConnection, kafkaJsConnection, readConnectionSettings } from '@eventline/connection';
import { applicationDeclarations } from '@eventline/contracts';
import { ADMIN_PRINCIPAL, LocalKafka, SecurityMode, secureClusterCredentials } from '@eventline/local-kafka';
import type { PipelineKafka } from './pipeline-kafka';

/**
 * `npm start -- --secure`: the secure local cluster (SASL_SSL SCRAM-SHA-512, ACLs enforced,
 * no access without one). Each app gets a client.properties of its own SCRAM user, and the
 * least-privilege ACLs of `eventline acls plan` are applied before anything connects; the
 * pipeline itself (topic provisioning, the summary) works as the admin super user.
 */
export async function securePipelineKafka(root: string, log: (line: string) => void): Promise<PipelineKafka> {
  const local = new LocalKafka({ security: SecurityMode.SaslSsl, log });
  const started = await local.start();
  const credentials = secureClusterCredentials();
  const dir = join(root, '.cache', 'pipeline', 'secure');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const propertiesOf = (principal: string) => credentials.writeClientProperties(principal, join(dir, `${principal}.properties`));

  const settings = readConnectionSettings({ env: { ...process.env, KAFKA_CLIENT_CONFIG: propertiesOf(ADMIN_PRINCIPAL), KAFKA_BROKERS: '' } });
  const admin = new Kafka({ clientId: 'eventline-pipeline-acls', ...kafkaJsConnection(settings.kafka), logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const diff = diffAcls(planAcls(applicationDeclarations()), await readAcls(admin));
    const applied = await applyAcls(admin, diff);
    log(`ACLs: ${applied.created.length} created, ${diff.unchanged.length} already present (the plan of "eventline acls plan")`);
  } finally {
    await admin.disconnect();
  }
  const files = new Map<string, string>();
  return {
    settings,
    // Each app as its own SCRAM user: only the ACLs its declaration needs.
    childEnv: (app) => {
      let file = files.get(app);
      if (!file) files.set(app, (file = propertiesOf(app)));
      return { KAFKA_CLIENT_CONFIG: file, KAFKA_BROKERS: '' };
    },
    description: `${describeKafkaConnection(settings.kafka)} (secure local cluster; apps as their own users, properties in ${dir})`,
    local: true,
    stop: started.alreadyRunning ? undefined : async () => void (await local.stop()),
  };
}
