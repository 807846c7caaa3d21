import { Command, InvalidArgumentError } from 'commander';

export interface PipelineOptions {
  readonly rate: number;
  readonly workers: number;
  readonly summaryEvery: number;
  readonly duration?: number;
  readonly ordersService: boolean;
  readonly traffic: boolean;
  readonly secure: boolean;
  /** Start a local Zipkin and point every app's OpenTelemetry SDK at it. */
  readonly tracing: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function parsePipelineOptions(argv: readonly string[]): PipelineOptions {
  const program = new Command('npm start --')
    .description('Run the whole Eventline pipeline on embedded defaults: local Kafka, the schema registry, the orders service, the workers and demo traffic.')
    .option('--rate <orders/s>', 'orders placed per second by the traffic generator', positiveInt, 5)
    .option('--workers <n>', 'instances of each worker (each a consumer-group member; topics have 6 partitions)', positiveInt, 1)
    .option('--summary-every <seconds>', 'how often to print the live summary', positiveInt, 5)
    .option('--duration <seconds>', 'stop by itself after this long (default: run until Ctrl-C)', positiveInt)
    .option('--no-orders-service', 'publish the order events directly instead of through the orders service HTTP API and its outbox')
    .option('--no-traffic', 'start everything but generate no orders')
    .option('--secure', 'run on the secure local cluster (SASL_SSL, SCRAM-SHA-512, ACLs enforced): each app as its own user with only the ACLs it needs')
    .option(
      '--tracing',
      'distributed tracing: start a local Zipkin (Java, jar from Maven Central) on 127.0.0.1:9411 and send every app\'s spans there; the UI is at http://127.0.0.1:9411/zipkin/ (off by default)',
    )
    .addHelpText(
      'after',
      `
Examples:
  npm start                             everything on embedded defaults, 5 orders/s, until Ctrl-C
  npm start -- --workers 3 --rate 20    three instances of each worker share the partitions
  npm start -- --duration 60            stop cleanly after a minute
  npm start -- --secure                 the same on SASL_SSL with least-privilege ACLs (properties files in .cache/pipeline/secure)
  npm start -- --tracing                every order's trace across the apps in Zipkin (http://127.0.0.1:9411/zipkin/)

Environment: KAFKA_CLIENT_CONFIG or KAFKA_BROKERS (use that cluster, start none), SCHEMA_REGISTRY_URL, DATABASE_URL
(see README "Running the pipeline" and "Connecting to a secured cluster").
Tracing: ZIPKIN_PORT (default 9411) for --tracing, whose OTEL_* settings give way to any you set yourself. The apps
read OTEL_* from your environment with or without the flag, so another backend needs no Zipkin:
OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318 npm start (see docs/tracing-backend.md).`,
    );
  const o = program
    .parse([...argv])
    .opts<{ rate: number; workers: number; summaryEvery: number; duration?: number; ordersService: boolean; traffic: boolean; secure?: boolean; tracing?: boolean }>();
  return { ...o, secure: o.secure === true, tracing: o.tracing === true };
}
