import { parseBrokerList as parseBrokers } from '@eventline/connection';
import { ClusterMode } from './cluster-layout';
import { LocalKafka } from './local-kafka';

export interface KafkaConnection {
  readonly brokers: string[];
  /** The launcher this process started, if it started one (so it can stop what it started). */
  readonly startedHere?: LocalKafka;
  readonly source: 'KAFKA_BROKERS' | 'local';
}

/** Parses KAFKA_BROKERS ("host:port,host:port") with the connection library's rule, throwing its message. */
export function parseBrokerList(raw: string, name = 'KAFKA_BROKERS'): string[] {
  const parsed = parseBrokers(raw, name);
  if ('problem' in parsed) throw new Error(`${parsed.problem}.`);
  return parsed.brokers;
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
