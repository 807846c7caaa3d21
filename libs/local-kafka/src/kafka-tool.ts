import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars } from './kafka-jars';
import { javaCommand, requireJava } from './prerequisites';
import { kafkaPaths, type KafkaPaths } from './workspace-paths';

/** Tools log warnings to stderr only: their stdout is their answer (a console consumer's records). */
const TOOLS_LOG4J2_PROPERTIES = `status = warn
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = ERR
`;

export interface KafkaToolOptions {
  readonly paths?: KafkaPaths;
  /** The JVM is killed after this long; the result then has `timedOut: true`. */
  readonly timeoutMs?: number;
}

export interface KafkaToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Runs one of Kafka's own command-line tools (`org.apache.kafka.tools.ConfigCommand`,
 * `org.apache.kafka.tools.consumer.ConsoleConsumer`, …) from the cached jars, the way the
 * kafka-*.sh scripts would, without a shell. Asynchronous because a tool's JVM takes seconds
 * to start and a test must keep its timers running meanwhile.
 */
export async function runKafkaTool(mainClass: string, args: readonly string[], options: KafkaToolOptions = {}): Promise<KafkaToolResult> {
  const paths = options.paths ?? kafkaPaths();
  requireJava();
  const libs = ensureKafkaJars(paths);
  const log4j = join(paths.cacheRoot, 'tools-log4j2.properties');
  writeFileSync(log4j, TOOLS_LOG4J2_PROPERTIES);
  const jvm = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${log4j}`];
  const child = spawn(javaCommand(), [...jvm, '-cp', join(libs, '*'), mainClass, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 60_000);
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    return { status, stdout, stderr, timedOut };
  } finally {
    clearTimeout(timer);
  }
}
