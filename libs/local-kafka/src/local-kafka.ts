import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapServers, ClusterMode, clusterLayout, nodePorts, type ClusterSpec, type NodeSpec } from './cluster-layout';
import type { ClusterSecurity } from './cluster-security';
import { ensureKafkaJars } from './kafka-jars';
import { checkedKafkaVersion, KAFKA_VERSION } from './kafka-version';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { tailFile } from './log-tail';
import { launchNode, livePid, nodeState, type NodeState, signalNode, stopNode } from './node-process';
import { canBind } from './port-probe';
import { javaCommand, requireJava } from './prerequisites';
import { waitUntilReady } from './readiness';
import { secureClusterCredentials, type SecureClusterCredentials } from './secure-cluster-credentials';
import { SecurityMode } from './security-mode';
import { securityFor } from './security-selector';
import { LOG4J2_PROPERTIES } from './server-properties';
import { clearStopRequest, liveUses, registerUse, requestStopWhenUnused, takeStopRequest, unregisterUse } from './shared-use';
import { acquireLock, withStartLock } from './start-lock';
import { ensureFormatted } from './storage';
import { kafkaPaths, workspaceRoot, type KafkaPaths } from './workspace-paths';

export interface LocalKafkaOptions {
  readonly mode?: ClusterMode;
  /**
   * `sasl-ssl` or `ssl` selects the secure cluster (ClusterMode.Secure): SCRAM-SHA-512 and
   * mTLS listeners, ACLs enforced. The two differ only in which address `bootstrap` reports.
   */
  readonly security?: SecurityMode;
  /**
   * The Apache Kafka release to run (default KAFKA_VERSION, not older than
   * OLDEST_KAFKA_VERSION). Another version than the default keeps its jars and data apart
   * (`.cache/kafka/<version>/`), so it runs beside the default one given a `port` of its own.
   */
  readonly version?: string;
  /**
   * The single broker's port (the controller takes the next one), or the secure node's first
   * port (mTLS and controller take the next two); defaults as in cluster-layout.ts. The
   * three-node cluster's ports are fixed.
   */
  readonly port?: number;
  readonly paths?: KafkaPaths;
  /** Progress lines for a person; silent by default. */
  readonly log?: (line: string) => void;
  readonly startTimeoutMs?: number;
}

export interface NodeStatus {
  readonly id: number;
  readonly state: NodeState;
  readonly pid?: number;
  readonly bootstrap: string;
  /** The secure node's mTLS listener. */
  readonly sslBootstrap?: string;
  readonly logFile: string;
}

export interface StopOptions {
  /** Stop even while other processes use the cluster through share() (the CLI's stop and reset). */
  readonly force?: boolean;
}

/** One process's use of a cluster, from share(). */
export interface SharedCluster {
  readonly bootstrap: string[];
  /** True if this use launched the cluster (it then stops when the last use is released). */
  readonly startedHere: boolean;
  /** Ends this use; stops the cluster if it was the last use and a stop is due. */
  release(): Promise<void>;
}

export interface StartResult {
  readonly bootstrap: string[];
  /** True when every node was already up and nothing was launched. */
  readonly alreadyRunning: boolean;
  readonly startedNodeIds: number[];
}

function defaultStartTimeout(): number {
  const raw = Number(process.env.EVENTLINE_KAFKA_START_TIMEOUT_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : 90_000;
}

/** The secure cluster is single-node, so `security` and a mode other than single or secure contradict each other. */
function resolveMode(options: LocalKafkaOptions): { mode: ClusterMode; security: SecurityMode } {
  const security = options.security ?? SecurityMode.None;
  if (security === SecurityMode.None) {
    const mode = options.mode ?? ClusterMode.Single;
    return { mode, security: mode === ClusterMode.Secure ? SecurityMode.SaslSsl : SecurityMode.None };
  }
  if (options.mode !== undefined && options.mode !== ClusterMode.Single && options.mode !== ClusterMode.Secure) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.InvalidOption,
      `security "${options.security}" runs the single-node secure cluster; it cannot be combined with the ${options.mode} cluster.`,
      'Drop "--cluster" (or mode) to start the secure cluster, or drop "--security" for the plain one.',
    );
  }
  return { mode: ClusterMode.Secure, security };
}

/** Ports the cluster binds after its first: one for the single broker's controller, two for the secure node. */
const PORTS_AFTER = { [ClusterMode.Single]: 1, [ClusterMode.Secure]: 2 } as const;

function checkedPort(port: number | undefined, mode: ClusterMode): number | undefined {
  if (port === undefined) return undefined;
  if (mode === ClusterMode.Three) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.InvalidOption,
      'the three-node cluster has fixed ports (19092-19094, controllers 19192-19194); a port applies to the single and the secure cluster.',
      'Drop the port, or run the single broker.',
    );
  }
  const last = 65535 - PORTS_AFTER[mode];
  if (!Number.isInteger(port) || port < 1 || port > last) {
    throw new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, `port ${port} is not a TCP port from 1 to ${last} (the ${mode} cluster also binds the next ${PORTS_AFTER[mode]}).`);
  }
  return port;
}

function resolvePaths(options: LocalKafkaOptions): KafkaPaths {
  const version = checkedKafkaVersion(options.version ?? options.paths?.version ?? KAFKA_VERSION);
  if (!options.paths) return kafkaPaths(workspaceRoot(), version);
  if (options.paths.version !== version) {
    throw new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, `version ${version} contradicts the paths given, which belong to Kafka ${options.paths.version}.`);
  }
  return options.paths;
}

/** A real Apache Kafka cluster on this machine, launched from jars fetched by Maven. */
export class LocalKafka {
  readonly cluster: ClusterSpec;
  readonly security: SecurityMode;
  /** The Apache Kafka release this cluster runs. */
  readonly version: string;
  private readonly paths: KafkaPaths;
  private readonly log: (line: string) => void;
  private readonly startTimeoutMs: number;
  private readonly clusterSecurity: ClusterSecurity;

  constructor(options: LocalKafkaOptions = {}) {
    this.paths = resolvePaths(options);
    this.version = this.paths.version;
    const { mode, security } = resolveMode(options);
    this.security = security;
    this.cluster = clusterLayout(this.paths, mode, checkedPort(options.port, mode));
    this.clusterSecurity = securityFor(this.cluster);
    this.log = options.log ?? (() => undefined);
    this.startTimeoutMs = options.startTimeoutMs ?? defaultStartTimeout();
  }

  /** Where clients connect: the PLAINTEXT brokers, or the secure node's SASL_SSL (or, for `ssl`, mTLS) listener. */
  get bootstrap(): string[] {
    if (this.security === SecurityMode.Ssl) return this.cluster.nodes.map((n) => `${n.host}:${n.sslPort}`);
    return bootstrapServers(this.cluster);
  }

  /** The secure cluster's addresses, passwords, certificates and properties files (after its first start). */
  credentials(): SecureClusterCredentials {
    if (this.cluster.mode !== ClusterMode.Secure) {
      throw new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, `the ${this.cluster.mode} cluster is PLAINTEXT and has no credentials.`, 'Use LocalKafka({ security: "sasl-ssl" }).');
    }
    return secureClusterCredentials(this.paths);
  }

  /** Starts every node that is not running; on a running cluster only reports it. */
  async start(): Promise<StartResult> {
    return withStartLock(this.cluster.lockFile, () => this.startLocked());
  }

  private async startLocked(): Promise<StartResult> {
    const down = this.cluster.nodes.filter((n) => livePid(n) === undefined);
    if (down.length === 0) {
      await waitUntilReady(this.cluster, this.cluster.nodes, this.startTimeoutMs, this.clusterSecurity.readinessClient(this.cluster));
      return { bootstrap: this.bootstrap, alreadyRunning: true, startedNodeIds: [] };
    }
    // A stop request left from a cluster that is gone does not apply to this one.
    clearStopRequest(this.cluster);
    await this.launch(down);
    return { bootstrap: this.bootstrap, alreadyRunning: false, startedNodeIds: down.map((n) => n.id) };
  }

  /**
   * Starts the cluster if needed and registers this process as one of its users, for test
   * suites that run in parallel against one cluster. A stop() from anyone (without force)
   * waits until every use is released; the last release stops the cluster if a use started
   * it or someone asked for the stop meanwhile. A cluster a person started stays up.
   */
  async share(): Promise<SharedCluster> {
    return withStartLock(this.cluster.lockFile, async () => {
      const result = await this.startLocked();
      const token = registerUse(this.cluster);
      if (!result.alreadyRunning) requestStopWhenUnused(this.cluster);
      let released = false;
      return {
        bootstrap: result.bootstrap,
        startedHere: !result.alreadyRunning,
        release: async () => {
          if (released) return;
          released = true;
          await withStartLock(this.cluster.lockFile, async () => {
            unregisterUse(this.cluster, token);
            if (liveUses(this.cluster).length === 0 && takeStopRequest(this.cluster)) await this.stopNodes();
          });
        },
      };
    });
  }

  private async launch(nodes: readonly NodeSpec[]): Promise<void> {
    requireJava();
    for (const node of nodes) {
      for (const port of nodePorts(node)) {
        if (!(await canBind(node.host, port))) {
          const mover = this.cluster.mode === ClusterMode.Secure ? 'the secure cluster' : 'the single broker';
          throw new LocalKafkaError(
            LocalKafkaErrorCode.PortTaken,
            `port ${node.host}:${port} (node ${node.id}) is already taken by another process.`,
            `Free it (find the owner with "ss -ltnp 'sport = :${port}'"), move ${mover} with ` +
              `${this.cluster.portEnv} or the port option (--port), or set KAFKA_BROKERS to use a cluster that is already running.`,
          );
        }
      }
    }
    const libs = ensureKafkaJars(this.paths, this.log);
    const classpath = join(libs, '*');
    const java = javaCommand();
    const security = this.clusterSecurity;
    const context = { paths: this.paths, log: this.log };
    mkdirSync(this.cluster.dir, { recursive: true });
    writeFileSync(this.cluster.log4jFile, LOG4J2_PROPERTIES);
    security.prepare(this.cluster, context);
    for (const node of this.cluster.nodes) {
      mkdirSync(node.dir, { recursive: true });
      writeFileSync(node.configFile, security.serverProperties(this.cluster, node));
    }
    if (ensureFormatted(this.cluster, java, classpath, security.formatOptions(this.cluster))) security.formatted(this.cluster);
    for (const node of nodes) {
      const pid = launchNode(node, { java, classpath, log4jFile: this.cluster.log4jFile });
      this.log(`node ${node.id}: Kafka ${this.version} started (pid ${pid}), broker ${node.host}:${node.brokerPort}`);
    }
    await waitUntilReady(this.cluster, nodes, this.startTimeoutMs, security.readinessClient(this.cluster));
    await security.ready(this.cluster, context);
  }

  /**
   * Stops every node cleanly (SIGTERM, then SIGKILL after the deadline). While other processes
   * use the cluster through share(), the stop is left to the last of them unless forced.
   */
  async stop(deadlineMs?: number, options: StopOptions = {}): Promise<Array<{ id: number; outcome: string }>> {
    if (!options.force && liveUses(this.cluster).length > 0) {
      const users = await withStartLock(this.cluster.lockFile, async () => {
        const uses = liveUses(this.cluster).length;
        if (uses > 0) requestStopWhenUnused(this.cluster);
        return uses;
      });
      if (users > 0) return this.cluster.nodes.map((n) => ({ id: n.id, outcome: `in use by ${users} process(es); stops when the last releases it` }));
    }
    return this.stopNodes(deadlineMs);
  }

  private async stopNodes(deadlineMs?: number): Promise<Array<{ id: number; outcome: string }>> {
    // Brokers first and in parallel: a controller majority must stay up while the others
    // run their controlled shutdown, or they wait for a quorum that never answers.
    return Promise.all(this.cluster.nodes.map(async (n) => ({ id: n.id, outcome: await stopNode(n, deadlineMs) })));
  }

  status(): NodeStatus[] {
    return this.cluster.nodes.map((n) => ({
      id: n.id,
      state: nodeState(n),
      pid: livePid(n),
      bootstrap: `${n.host}:${n.brokerPort}`,
      ...(n.sslPort === undefined ? {} : { sslBootstrap: `${n.host}:${n.sslPort}` }),
      logFile: n.logFile,
    }));
  }

  logs(nodeId?: number, lines = 100): string {
    const nodes = nodeId === undefined ? this.cluster.nodes : [this.node(nodeId)];
    return nodes.map((n) => `==> node ${n.id}: ${n.logFile}\n${tailFile(n.logFile, lines)}`).join('\n\n');
  }

  /** Stops the cluster and deletes its data; the next start formats fresh storage. */
  async reset(): Promise<void> {
    await this.stop(undefined, { force: true });
    rmSync(this.cluster.dir, { recursive: true, force: true });
  }

  node(id: number): NodeSpec {
    const node = this.cluster.nodes.find((n) => n.id === id);
    if (!node) {
      const ids = this.cluster.nodes.map((n) => n.id).join(', ');
      throw new LocalKafkaError(LocalKafkaErrorCode.UnknownNode, `no node ${id} in the ${this.cluster.mode} cluster (nodes: ${ids}).`);
    }
    return node;
  }

  async stopNode(id: number): Promise<string> {
    return stopNode(this.node(id));
  }

  async killNode(id: number): Promise<void> {
    await this.requireSignal(id, 'SIGKILL');
  }

  async pauseNode(id: number): Promise<void> {
    await this.requireSignal(id, 'SIGSTOP');
  }

  async resumeNode(id: number): Promise<void> {
    await this.requireSignal(id, 'SIGCONT');
  }

  /**
   * Exclusive use of this cluster for a fault test: test files that kill, pause or stop its
   * nodes would otherwise break each other when Jest runs them in parallel. Waits while
   * another process holds the lease; call the returned function to give it back. The lock
   * is per machine and port, not per checkout: two clones on one machine share the ports.
   */
  lease(waitMs = 600_000): Promise<() => void> {
    return acquireLock(join(tmpdir(), `eventline-kafka-lease-${this.cluster.nodes[0].brokerPort}.lock`), waitMs);
  }

  /** Stops one node (cleanly) if it runs, starts it again and waits until it rejoined. */
  async restartNode(id: number): Promise<void> {
    const node = this.node(id);
    await stopNode(node);
    await withStartLock(this.cluster.lockFile, () => this.launch([node]));
  }

  private async requireSignal(id: number, signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): Promise<void> {
    const pid = await signalNode(this.node(id), signal);
    if (pid === undefined) {
      throw new LocalKafkaError(LocalKafkaErrorCode.NotRunning, `node ${id} is not running.`, 'Start it with "npm run kafka -- start".');
    }
  }
}
