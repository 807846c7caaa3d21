/**
 * A consumer-group member as its own OS process, for scenarios that kill -9, stop and start
 * members. It decodes Eventline events (CloudEvents + Avro) and records every processing in
 * the run's ProcessingLog before its handler returns. Configured by environment (see
 * ConsumerFleet, which spawns it); prints `joined <assignment>` on each group join and
 * `stopped` after a graceful SIGTERM shutdown.
 */
import { Kafka, logLevel } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, kafkaJsClient, ProcessingMode, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import { checkedHandler } from '../checker/checked-handler';
import { ProcessingLog } from '../checker/processing-log';
import { CHECKED_EVENT_TYPE } from './stamped-stream';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const instance = required('INSTANCE');
  const mode = process.env.MODE === ProcessingMode.KeyOrder ? ProcessingMode.KeyOrder : ProcessingMode.PartitionOrder;
  const log = await ProcessingLog.open({ url: required('CHECK_DB_URL'), schema: required('CHECK_DB_SCHEMA') });
  const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: required('SCHEMA_REGISTRY_URL') }), mode: CodecMode.Development });
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.GroupJoined, ({ assignment }) => process.stdout.write(`joined ${JSON.stringify(assignment)}\n`));
  instrumentation.on(RuntimeEvent.Rebalance, () => process.stdout.write('rebalance\n'));
  const consumer = new EventConsumer({
    client: kafkaJsClient(new Kafka({ clientId: `reliability-${instance}`, brokers: required('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING })),
    groupId: required('GROUP'),
    routes: [{ topic: required('TOPIC'), eventType: CHECKED_EVENT_TYPE, mode, deadLetter: false, handler: checkedHandler(log, instance) }],
    decoder: new CloudEventAvroDecoder(codec, EventCatalog),
    instrumentation,
    concurrency: 6,
    commit: { maxUncommittedRecords: Number(process.env.COMMIT_RECORDS ?? 500), maxUncommittedMs: Number(process.env.COMMIT_MS ?? 500) },
    sessionTimeoutMs: Number(process.env.SESSION_MS ?? 6_000),
    heartbeatIntervalMs: 1_000,
    shutdownTimeoutMs: 10_000,
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void consumer
      .stop('SIGTERM')
      .then(() => log.close())
      .then(() => {
        process.stdout.write('stopped\n');
        process.exit(0);
      });
  });
  await consumer.start();
  process.stdout.write('started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`checked consumer failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
