import { ClusterMode } from './cluster-layout';
import { LocalKafka } from './local-kafka';

export interface KafkaConnection {
  readonly brokers: string[];
  /** The launcher this process started, if it started one (so it can stop what it started). */
  readonly startedHere?: LocalKafka;
  readonly source: 'KAFKA_BROKERS' | 'local';
}

const HOST_PORT = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;

/** Parses KAFKA_BROKERS ("host:port,host:port"), refusing anything else with a clear message. */
export function parseBrokerList(raw: string, name = 'KAFKA_BROKERS'): string[] {
  const brokers = raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const bad = brokers.filter((b) => !HOST_PORT.test(b) || Number(b.slice(b.lastIndexOf(':') + 1)) > 65535);
  if (brokers.length === 0 || bad.length > 0) {
    throw new Error(`${name}="${raw}" is not a comma-separated list of host:port (bad: ${bad.join(', ') || 'empty'}).`);
  }
  return brokers;
}

/**
 * The one rule for where Kafka is: KAFKA_BROKERS when set (nothing is started), otherwise the
 * local single broker, started if it is not running.
 */
export async function ensureKafka(log?: (line: string) => void): Promise<KafkaConnection> {
  const configured = process.env.KAFKA_BROKERS;
  if (configured !== undefined && configured.trim() !== '') {
    return { brokers: parseBrokerList(configured), source: 'KAFKA_BROKERS' };
  }
  const local = new LocalKafka({ mode: ClusterMode.Single, log });
  const result = await local.start();
  return { brokers: result.bootstrap, source: 'local', startedHere: result.alreadyRunning ? undefined : local };
}
