/**
 * `npm start`: the main job. Brings up local Kafka (unless KAFKA_CLIENT_CONFIG or KAFKA_BROKERS
 * names a cluster) and the schema registry (unless SCHEMA_REGISTRY_URL or the file names one), registers the schemas, creates the
 * declared topics, starts the orders service and N instances of each worker as their own
 * processes, then the operator console (http://127.0.0.1:3300, no sign-in, loopback only), generates demo traffic, and prints a live summary until Ctrl-C (or --duration),
 * then stops everything in reverse order so offsets are committed. With --tracing, a local
 * Zipkin starts beside Kafka and every app is pointed at it (docs/tracing-backend.md).
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { AvroCodec, catalogBindings, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { EventCatalog, TOPIC_DECLARATIONS } from '@eventline/contracts';
import { ConnectionConfigError, ConnectionError, describeRegistryConnection, kafkaJsConnection, registryClientConnection, verifyKafkaConnection } from '@eventline/connection';
import { LocalKafkaError, workspaceRoot } from '@eventline/local-kafka';
import { LocalZipkinError } from '@eventline/local-zipkin';
import { defaultDeadLetterTopic, EventPublisher, kafkaJsAdmin, kafkaJsClient, provisionTopics } from '@eventline/runtime';
import { pipelineKafka } from './infrastructure/pipeline-kafka';
import { securePipelineKafka } from './infrastructure/secure-pipeline-kafka';
import { parsePipelineOptions } from './pipeline-options';
import { ChildApp } from './processes/child-app';
import { startPipelineTracing, type PipelineTracing } from './tracing/pipeline-tracing';
import { formatSnapshot, takeSnapshot } from './summary/pipeline-summary';
import { HttpOrderApi } from './traffic/http-order-api';
import { PublisherOrderApi } from './traffic/publisher-order-api';
import { TrafficGenerator, type OrderApi } from './traffic/traffic-generator';

const log = (line: string) => console.log(`[pipeline] ${line}`);

async function main(): Promise<void> {
  const options = parsePipelineOptions(process.argv);
  const root = workspaceRoot();
  const stops: Array<[string, () => Promise<void>]> = [];
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping — traffic first, then the apps (they finish in-flight records and commit), then the infrastructure`);
    for (const [name, stop] of stops.reverse()) {
      await stop().catch((error: unknown) => log(`${name}: ${error instanceof Error ? error.message : String(error)}`));
      log(`${name} stopped`);
    }
    log('stopped cleanly');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('Ctrl-C'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // Zipkin's JVM starts beside Kafka's and is awaited once the apps need its address. Its
    // stop goes first on the list so it is stopped last: the apps flush their final spans to
    // it on the way out.
    let tracingStart: Promise<PipelineTracing> | undefined;
    if (options.tracing) {
      const started = startPipelineTracing(root, (line) => log(`tracing: ${line}`));
      // Awaited below; a failure before then must not end the process as an unhandled rejection.
      started.catch(() => undefined);
      stops.push(['local Zipkin', async () => (await started.catch(() => undefined))?.zipkin.stop()]);
      tracingStart = started;
    }
    const kafkaLog = (line: string) => log(`kafka: ${line}`);
    const kafkaSide = options.secure ? await securePipelineKafka(root, kafkaLog) : await pipelineKafka(kafkaLog);
    if (kafkaSide.stop) stops.push(['local Kafka', kafkaSide.stop]);
    log(`Kafka at ${kafkaSide.description}`);
    if (kafkaSide.local) {
      log('the local broker keeps its topics between runs (totals include earlier runs); "npm run kafka -- reset" starts clean');
    }
    // Refused credentials, certificates or protocols end the start in one line, not in retries.
    await verifyKafkaConnection(kafkaSide.settings.kafka, { clientId: 'eventline-pipeline' });

    // The registry: the configured one (SCHEMA_REGISTRY_URL, or schema.registry.url in the
    // properties file), else our own process on this machine, reading _schemas from the same Kafka.
    let registrySettings = kafkaSide.settings.registry;
    if (registrySettings.urlSource === 'default') {
      const port = process.env.SCHEMA_REGISTRY_PORT ?? '8081';
      const registry = new ChildApp(
        {
          name: 'schema-registry',
          entry: 'apps/schema-registry/src/main.ts',
          env: { ...kafkaSide.childEnv('schema-registry'), SCHEMA_REGISTRY_PORT: port, SCHEMA_REGISTRY_HOST: '127.0.0.1' },
          readyUrl: `http://127.0.0.1:${port}/health`,
        },
        root,
      );
      await registry.start();
      stops.push(['schema registry', () => registry.stop()]);
      registrySettings = { ...registrySettings, url: `http://127.0.0.1:${port}`, urlSource: 'started here' };
      log(`schema registry at ${registrySettings.url} (log: ${registry.logFile})`);
    } else log(`schema registry at ${describeRegistryConnection(registrySettings)} (${registrySettings.urlSource})`);
    const registryUrl = registrySettings.url;

    const kafka = new Kafka({ clientId: 'eventline-pipeline', ...kafkaJsConnection(kafkaSide.settings.kafka), logLevel: logLevel.ERROR });
    const admin = kafka.admin();
    await admin.connect();
    stops.push(['admin client', () => admin.disconnect()]);
    const registryClient = registryClientConnection(registrySettings);
    const codec = new AvroCodec({
      registry: new ConfluentSchemaRegistryClient({ host: registryClient.url, authorization: registryClient.authorization, ca: registryClient.ca }),
      mode: CodecMode.Development,
    });
    for (const binding of catalogBindings(EventCatalog)) await codec.encoderFor(binding);
    log(`schemas registered: ${Object.keys(EventCatalog).length} event types`);
    const checks = await provisionTopics(kafkaJsAdmin(admin));
    log(`topics: ${checks.map((c) => `${c.topic} ${c.action}`).join(', ')}`);

    const tracing = await tracingStart;
    if (tracing) {
      const { zipkin } = tracing;
      log(`tracing: Zipkin at ${zipkin.uiUrl} (spans to ${zipkin.spansEndpoint}, up in ${(zipkin.startMs / 1000).toFixed(1)} s, log: ${zipkin.logFile})`);
      if (tracing.userVariables.length > 0) log(`tracing: from your environment, these win over the local Zipkin's settings: ${tracing.userVariables.join(', ')}`);
    }
    // The app's name is its Kafka principal and its OpenTelemetry service name; worker
    // instances share it and tell themselves apart by instance.
    const common = (app: string, instance?: string) => ({
      ...kafkaSide.childEnv(app),
      SCHEMA_REGISTRY_URL: registryUrl,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      ...tracing?.childEnv({ serviceName: app, instanceId: instance }),
    });
    const metricsUrls: string[] = [];
    const ordersEntry = 'apps/orders-service/src/main.ts';
    let api: OrderApi;
    if (options.ordersService && existsSync(join(root, ordersEntry))) {
      const port = process.env.ORDERS_PORT ?? '3000';
      const orders = new ChildApp({ name: 'orders-service', entry: ordersEntry, env: { ...common('orders-service'), PORT: port }, readyUrl: `http://127.0.0.1:${port}/health` }, root);
      await orders.start();
      stops.push(['orders-service', () => orders.stop()]);
      metricsUrls.push(`http://127.0.0.1:${port}/metrics`);
      api = new HttpOrderApi(`http://127.0.0.1:${port}`);
      log(`orders-service at http://127.0.0.1:${port} (log: ${orders.logFile})`);
    } else {
      const publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/eventline/pipeline-traffic' });
      await publisher.connect();
      stops.push(['traffic publisher', () => publisher.disconnect()]);
      api = new PublisherOrderApi(publisher);
      log('orders-service not started: traffic is published directly');
    }

    for (const [name, entry, basePort] of [
      ['fulfillment-worker', 'apps/fulfillment-worker/src/main.ts', 3101],
      ['notifications-worker', 'apps/notifications-worker/src/main.ts', 3201],
    ] as const) {
      for (let i = 0; i < options.workers; i++) {
        const port = basePort + i;
        const worker = new ChildApp(
          { name: `${name}-${i + 1}`, entry, env: { ...common(name, `${name}-${i + 1}`), PORT: String(port) }, readyUrl: `http://127.0.0.1:${port}/health` },
          root,
        );
        await worker.start();
        stops.push([`${name}-${i + 1}`, () => worker.stop()]);
        metricsUrls.push(`http://127.0.0.1:${port}/metrics`);
      }
      log(`${options.workers} × ${name} (ports ${basePort}-${basePort + options.workers - 1}, /health and /metrics)`);
    }

    // The operator console, without sign-in: it listens on loopback only (the console refuses
    // CONSOLE_AUTH=off anywhere else). Optional: the pipeline runs on when it cannot start.
    const consolePort = process.env.CONSOLE_PORT ?? '3300';
    try {
      const consoleApp = new ChildApp(
        {
          name: 'console',
          entry: 'apps/console/src/main.ts',
          env: { ...common('eventline-console'), CONSOLE_AUTH: 'off', CONSOLE_HOST: '127.0.0.1', CONSOLE_PORT: consolePort },
          readyUrl: `http://127.0.0.1:${consolePort}/health`,
        },
        root,
      );
      await consoleApp.start();
      stops.push(['console', () => consoleApp.stop()]);
      log(`console at http://127.0.0.1:${consolePort} (log: ${consoleApp.logFile})`);
    } catch (error) {
      log(`console not started: ${error instanceof Error ? error.message : String(error)}`);
    }

    const traffic = new TrafficGenerator(api, options.rate);
    if (options.traffic) {
      traffic.start();
      stops.push(['traffic', () => traffic.stop()]);
      log(`traffic: ${options.rate} orders/s — Ctrl-C to stop`);
    }

    const topics = TOPIC_DECLARATIONS.map((d) => d.topic);
    const dlqs = TOPIC_DECLARATIONS.filter((d) => d.deadLetter).map((d) => defaultDeadLetterTopic(d.topic));
    const groups = [
      { groupId: 'fulfillment-worker', topics: ['orders'] },
      { groupId: 'notifications-worker', topics: ['orders', 'shipments'] },
    ];
    // Topic totals include earlier runs (broker data is kept); the summary shows this run beside them.
    const baseline = await takeSnapshot(admin, topics, dlqs, groups, []);
    const summary = setInterval(() => {
      void takeSnapshot(admin, topics, dlqs, groups, metricsUrls).then(
        (s) => {
          const t = traffic.stats;
          log(formatSnapshot(s, baseline, `| traffic (this run): placed ${t.placed} paid ${t.paid} cancelled ${t.cancelled} (invalid emails ${t.invalidEmails}, flaky ${t.flakyEmails}, failed requests ${t.failures})`));
        },
        (error: unknown) => log(`summary unavailable: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, options.summaryEvery * 1000);
    stops.push(['summary', async () => clearInterval(summary)]);
    if (options.duration) setTimeout(() => void shutdown(`${options.duration} s elapsed`), options.duration * 1000);
  } catch (error) {
    if (error instanceof LocalKafkaError || error instanceof LocalZipkinError) {
      console.error(`error [${error.code}]: ${error.message}`);
      if (error.hint) console.error(`hint: ${error.hint}`);
    } else if (error instanceof ConnectionConfigError || error instanceof ConnectionError) {
      console.error(`error [${error.code}]: ${error.message}`);
    } else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('start failed', 1);
  }
}

void main();
