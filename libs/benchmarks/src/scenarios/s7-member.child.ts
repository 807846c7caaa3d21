/**
 * One S7 consumer-group member as its own OS process (run by swc-node, as the apps run), so
 * it can be killed with -9. An EventConsumer (CloudEvents + Avro against the registry,
 * partition order, commit after processing) whose handler prints one line per record before
 * returning; stdout is a pipe, which Node writes synchronously on Linux, so a record whose
 * offset may be committed has always been printed. Lines (times: epoch ms, fractional):
 *   start <t> · joined <t> <assignment json> · r <t> <partition> <offset> <ce_id> · stopped <t>
 */
import { Kafka, logLevel } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, type EventContext, kafkaJsClient, ProcessingMode, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';

const now = () => (performance.timeOrigin + performance.now()).toFixed(2);
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.GroupJoined, ({ assignment }) => process.stdout.write(`joined ${now()} ${JSON.stringify(assignment)}\n`));
  const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: env('BENCH_REGISTRY_URL') }), mode: CodecMode.Production });
  const consumer = new EventConsumer({
    client: kafkaJsClient(new Kafka({ clientId: `bench-s7-${env('BENCH_INSTANCE')}`, brokers: env('BENCH_BROKERS').split(','), logLevel: logLevel.NOTHING })),
    groupId: env('BENCH_GROUP'),
    decoder: new CloudEventAvroDecoder(codec, EventCatalog),
    instrumentation,
    concurrency: 6,
    sessionTimeoutMs: Number(env('BENCH_SESSION_MS')),
    heartbeatIntervalMs: Number(env('BENCH_HEARTBEAT_MS')),
    routes: [
      {
        topic: env('BENCH_TOPIC'),
        eventType: '*',
        mode: ProcessingMode.PartitionOrder,
        deadLetter: false,
        handler: (_event: unknown, c: EventContext) => {
          process.stdout.write(`r ${now()} ${c.partition} ${c.offset} ${c.eventId ?? '-'}\n`);
        },
      },
    ],
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void consumer.stop('SIGTERM').then(() => {
      process.stdout.write(`stopped ${now()}\n`);
      process.exit(0);
    });
  });
  process.stdout.write(`start ${now()}\n`);
  await consumer.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`S7 member failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
