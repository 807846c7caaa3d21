#!/usr/bin/env node
/**
 * npm run kafka -- <command>: the local Apache Kafka launcher.
 * Every failure prints one clear message, a hint, and exits 1.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { ClusterMode } from './cluster-layout';
import { KAFKA_VERSION, OLDEST_KAFKA_VERSION } from './kafka-version';
import { LocalKafka, type StartResult } from './local-kafka';
import { LocalKafkaError } from './local-kafka.error';
import { SecurityMode } from './security-mode';

const clusterOption = () =>
  new Option('-c, --cluster <mode>', 'which local cluster: "single" (one broker on 9092) or "three" (3 nodes on 19092-19094)')
    .choices([ClusterMode.Single, ClusterMode.Three])
    .default(ClusterMode.Single);

const securityOption = () =>
  new Option(
    '-s, --security <mode>',
    '"sasl-ssl" or "ssl": the secure single-node cluster (SASL_SSL on 9192, mTLS on 9193); "none": the plain one',
  )
    .choices(Object.values(SecurityMode))
    .default(SecurityMode.None);

const versionOption = () =>
  new Option(
    '-k, --kafka-version <version>',
    `which Apache Kafka release (${OLDEST_KAFKA_VERSION} or newer); another than the default keeps its jars and data in .cache/kafka/<version>/ and needs --port to run beside the default`,
  ).default(KAFKA_VERSION);

const portOption = () =>
  new Option('-p, --port <port>', 'first port of the single broker (default 9092) or of the secure node (default 9192)').argParser(positiveInt);

interface ClusterOptions {
  readonly cluster: ClusterMode;
  readonly security: SecurityMode;
  readonly kafkaVersion: string;
  readonly port?: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

const kafka = (opts: ClusterOptions) =>
  new LocalKafka({ mode: opts.cluster, security: opts.security, version: opts.kafkaVersion, port: opts.port, log: (l) => console.log(l) });

/** Where the secure cluster is and where its secrets are; the secrets themselves are never printed. */
function printSecureCluster(local: LocalKafka): void {
  const c = local.credentials();
  const someCert = Object.values(c.clientCerts)[0];
  console.log(`  SASL_SSL, SCRAM-SHA-512        ${c.saslSslBootstrap}`);
  console.log(`  SSL, client certificate (mTLS) ${c.sslBootstrap}`);
  console.log(`  CA certificate                 ${c.caFile}`);
  console.log(`  passwords (admin and users)    ${c.credentialsFile}`);
  console.log(`  admin client.properties (Java) ${c.adminPropertiesFile}`);
  if (someCert) console.log(`  client certificates            ${someCert.certFile.replace(/[^/]+\.cert\.pem$/, '<principal>.{cert,key}.pem')}`);
  console.log(`  users: ${Object.keys(c.users).join(', ')}`);
}

function printStarted(local: LocalKafka, result: StartResult, took: string): void {
  const what = local.cluster.mode === ClusterMode.Secure ? `Kafka ${local.version} (secure: SASL_SSL + mTLS, ACLs enforced)` : `Kafka ${local.version}`;
  console.log(result.alreadyRunning ? `${what} is already running: ${result.bootstrap.join(',')}` : `${what} is up in ${took} s: ${result.bootstrap.join(',')}`);
  if (local.cluster.mode === ClusterMode.Secure) printSecureCluster(local);
  console.log(`KAFKA_BROKERS=${result.bootstrap.join(',')}`);
}

const program = new Command('kafka')
  .description('Run a real Apache Kafka (KRaft) broker on this machine, from jars that Maven fetches on first use.')
  .addHelpText(
    'after',
    `
Examples:
  npm run kafka -- start                  start the single broker on 127.0.0.1:9092 (reports it if already up)
  npm run kafka -- status --json          machine-readable state of every node
  npm run kafka -- start --cluster three  3 nodes, replication 3, min.insync.replicas 2
  npm run kafka -- node kill 2 -c three   kill -9 node 2 (also: stop, pause, resume, restart)
  npm run kafka -- logs --node 1 -n 200   the last 200 lines of node 1's log
  npm run kafka -- reset                  stop and wipe the data
  npm run kafka -- start --security sasl-ssl
                                          the secure cluster beside the plain one: SASL_SSL (SCRAM-SHA-512)
                                          on 127.0.0.1:9192, mTLS on 9193, controller on 9194 (SSL),
                                          StandardAuthorizer with allow.everyone.if.no.acl.found=false.
                                          First start makes a CA, certificates and passwords in
                                          .cache/kafka/run/secure/{tls,credentials.json}; start prints
                                          the file paths, never a password.
  npm run kafka -- start --security ssl   the same cluster, KAFKA_BROKERS set to its mTLS listener
  npm run kafka -- reset -s sasl-ssl      wipe the secure cluster: data, users, certificates
  npm run kafka -- start -k ${OLDEST_KAFKA_VERSION} -p 19692
                                          Kafka ${OLDEST_KAFKA_VERSION} on 127.0.0.1:19692 beside the default
                                          ${KAFKA_VERSION}; its jars and data are in .cache/kafka/${OLDEST_KAFKA_VERSION}/.
                                          status, stop, logs and reset take the same -k (and -p)

Environment:
  KAFKA_BROKERS                  use this cluster instead; the launcher is then not needed
  EVENTLINE_KAFKA_PORT           port of the single broker (default 9092; the controller takes the next one)
  EVENTLINE_SECURE_KAFKA_PORT    SASL_SSL port of the secure cluster (default 9192; mTLS and controller take the next two)
  EVENTLINE_KAFKA_START_TIMEOUT_MS  how long start waits for the broker (default 90000)
  JAVA, MVN, OPENSSL             the java, mvn and openssl commands to use`,
  );

program
  .command('start')
  .description('start the cluster, formatting storage on first use, and wait until it answers')
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .action(async (opts: ClusterOptions) => {
    const local = kafka(opts);
    const started = Date.now();
    const result = await local.start();
    printStarted(local, result, ((Date.now() - started) / 1000).toFixed(1));
  });

program
  .command('stop')
  .description('stop every node cleanly (SIGTERM, then SIGKILL after --timeout seconds)')
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .option('-t, --timeout <seconds>', 'how long each node gets for a clean shutdown', positiveInt, 30)
  .action(async (opts) => {
    // A person's stop is meant: it does not wait for test suites that share the cluster.
    for (const { id, outcome } of await kafka(opts).stop(opts.timeout * 1000, { force: true })) console.log(`node ${id}: ${outcome}`);
  });

program
  .command('status')
  .description('state, pid and address of every node')
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .option('--json', 'print JSON for scripts')
  .action((opts) => {
    const local = kafka(opts);
    const status = local.status();
    if (opts.json) {
      console.log(JSON.stringify({ cluster: local.cluster.mode, version: local.version, nodes: status }, null, 2));
      return;
    }
    for (const s of status) {
      const mtls = s.sslBootstrap ? ` (SASL_SSL), ${s.sslBootstrap} (mTLS)` : '';
      console.log(`node ${s.id}  ${s.state.padEnd(8)} pid ${String(s.pid ?? '-').padEnd(8)} ${s.bootstrap}${mtls}`);
    }
    if (status.every((s) => s.state === 'stopped')) process.exitCode = 3;
  });

program
  .command('logs')
  .description("print the tail of the nodes' logs")
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .option('--node <id>', 'only this node', positiveInt)
  .option('-n, --lines <n>', 'how many lines per node', positiveInt, 100)
  .action((opts) => console.log(kafka(opts).logs(opts.node, opts.lines)));

program
  .command('reset')
  .description('stop the cluster and delete its data (topics, offsets, everything; for the secure one also its users and certificates)')
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .action(async (opts: ClusterOptions) => {
    const local = kafka(opts);
    await local.reset();
    console.log(`the ${local.cluster.mode} cluster was stopped and its data deleted`);
  });

const NODE_ACTIONS = ['stop', 'kill', 'pause', 'resume', 'restart'] as const;
program
  .command('node')
  .description('act on one node, for fault tests: stop (clean), kill (-9), pause (SIGSTOP), resume (SIGCONT), restart')
  .argument('<action>', NODE_ACTIONS.join(' | '))
  .argument('<id>', 'node id (1 for single and secure; 1-3 for three)', positiveInt)
  .addOption(clusterOption())
  .addOption(securityOption())
  .addOption(versionOption())
  .addOption(portOption())
  .action(async (action: string, id: number, opts) => {
    const local = kafka(opts);
    switch (action) {
      case 'stop':
        console.log(`node ${id}: ${await local.stopNode(id)}`);
        return;
      case 'kill':
        await local.killNode(id);
        break;
      case 'pause':
        await local.pauseNode(id);
        break;
      case 'resume':
        await local.resumeNode(id);
        break;
      case 'restart':
        await local.restartNode(id);
        break;
      default:
        throw new InvalidArgumentError(`unknown action "${action}"; use one of ${NODE_ACTIONS.join(', ')}`);
    }
    console.log(`node ${id}: ${action} done`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof LocalKafkaError) {
    console.error(`error [${error.code}]: ${error.message}`);
    if (error.hint) console.error(`hint: ${error.hint}`);
  } else {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
