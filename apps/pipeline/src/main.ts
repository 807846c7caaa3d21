/**
 * `npm start`: the main job. Today it brings up local Kafka (unless KAFKA_BROKERS is set)
 * and runs the first vertical slice (keyed records through a two-member consumer group, with
 * per-key order checked live) until Ctrl-C. Later issues grow it into the whole pipeline.
 */
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { Kafka, logLevel } from 'kafkajs';
import { ensureKafka, LocalKafkaError } from '@eventline/local-kafka';
import { OrderedSlice } from './slice/ordered-slice';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

const program = new Command('eventline-pipeline')
  .description('Run the Eventline pipeline on embedded defaults (local Kafka unless KAFKA_BROKERS is set).')
  .option('--rate <records/s>', 'records produced per second', positiveInt, 200)
  .option('--members <n>', 'consumer-group members in this process', positiveInt, 2)
  .option('--summary-every <seconds>', 'how often to print the live summary', positiveInt, 5)
  .option('--duration <seconds>', 'stop by itself after this long (default: run until Ctrl-C)', positiveInt)
  .addHelpText('after', '\nExample:\n  npm start -- --rate 500 --members 3 --duration 30\n');

async function main(): Promise<void> {
  const opts = program.parse(process.argv).opts<{ rate: number; members: number; summaryEvery: number; duration?: number }>();
  const log = (line: string) => console.log(`[pipeline] ${line}`);

  const connection = await ensureKafka((line) => log(`kafka: ${line}`));
  log(`Kafka at ${connection.brokers.join(',')} (${connection.source === 'local' ? 'local broker' : 'KAFKA_BROKERS'})`);

  const kafka = new Kafka({ clientId: 'eventline-pipeline', brokers: connection.brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const topic = 'eventline.slice';
  const created = await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }] });
  await admin.disconnect();
  log(created ? `created topic ${topic} (6 partitions)` : `topic ${topic} exists`);

  const slice = new OrderedSlice({ kafka, topic, groupId: 'eventline.slice-readers', members: opts.members, keys: 60 });
  await slice.startConsumers();
  log(`${opts.members} consumer-group members joined; producing ${opts.rate} records/s — Ctrl-C to stop`);

  let stopping = false;
  const producing = (async () => {
    // One batch per 100 ms keeps the rate smooth without a timer per record.
    const perTick = Math.max(1, Math.round(opts.rate / 10));
    while (!stopping) {
      const started = Date.now();
      await slice.produce(perTick, perTick);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - started))));
    }
  })();

  const summary = setInterval(() => {
    const s = slice.stats;
    log(
      `produced ${s.produced}  consumed ${s.received} (members: ${s.consumedByMember.join('/')})  ` +
        `lag ${s.produced - (s.received - s.duplicates)}  order violations ${s.violations}  redeliveries ${s.duplicates}`,
    );
  }, opts.summaryEvery * 1000);

  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping — finishing in-flight records and committing offsets…`);
    clearInterval(summary);
    await producing;
    await slice.stop();
    if (connection.startedHere) {
      log('stopping the local Kafka broker');
      await connection.startedHere.stop();
    }
    log('stopped cleanly');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('Ctrl-C'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  if (opts.duration) setTimeout(() => void shutdown(`${opts.duration} s elapsed`), opts.duration * 1000);
}

main().catch((error: unknown) => {
  if (error instanceof LocalKafkaError) {
    console.error(`error [${error.code}]: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
  } else {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
