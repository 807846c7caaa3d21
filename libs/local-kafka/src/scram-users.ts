import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type StoredCredentials } from './credentials-store';
import { runKafkaTool } from './kafka-tool';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { writePrivateFile } from './private-file';
import type { KafkaPaths } from './workspace-paths';

/** The one SASL mechanism of the secure cluster. SCRAM-SHA-256 would work the same way; one is enough to test against. */
export const SCRAM_MECHANISM = 'SCRAM-SHA-512';

/**
 * `kafka-storage format --add-scram` arguments for every stored user (KIP-900): in KRaft the
 * first credentials must be in the bootstrap metadata, since nobody could log in to add them.
 * The passwords are in the formatting JVM's argv for the second it runs; StorageTool reads
 * them from nowhere else. Later users go through addScramUser, which keeps them out of argv.
 */
export function scramFormatArguments(credentials: StoredCredentials): string[] {
  return Object.entries(credentials.users).flatMap(([name, user]) => ['--add-scram', `${SCRAM_MECHANISM}=[name=${name},password=${user.password}]`]);
}

export interface AlterScramOptions {
  readonly paths: KafkaPaths;
  readonly bootstrap: string;
  /** A Java client.properties that logs in as a super user. */
  readonly adminPropertiesFile: string;
  /** Where the password file lives for the JVM's lifetime; the cluster dir, not /tmp. */
  readonly scratchDir: string;
  readonly timeoutMs?: number;
}

/**
 * Creates (or replaces the password of) a SCRAM user through Kafka's kafka-configs tool:
 * kafkajs has no AlterUserScramCredentials request. The password reaches the tool in an
 * --add-config-file (mode 0600, deleted afterwards) rather than on its command line, which
 * every local user could read in the process list.
 */
const CONFIG_COMMAND = 'org.apache.kafka.tools.ConfigCommand';
const LEGACY_CONFIG_COMMAND = 'kafka.admin.ConfigCommand';
const MISSING_MAIN_CLASS = /Could not find or load main class/;

export async function alterScramUser(name: string, password: string, options: AlterScramOptions): Promise<void> {
  const dir = mkdtempSync(join(options.scratchDir, 'scram-'));
  const configFile = join(dir, 'scram.properties');
  try {
    // In a config file the value is what --add-config would hold between the brackets:
    // ConfigCommand matches it against "(iterations=N,)?password=(.*)", brackets and all.
    writePrivateFile(configFile, `${SCRAM_MECHANISM}=password=${password}\n`);
    const args = ['--bootstrap-server', options.bootstrap, '--command-config', options.adminPropertiesFile, '--alter'].concat([
      '--entity-type',
      'users',
      '--entity-name',
      name,
      '--add-config-file',
      configFile,
    ]);
    const run = (mainClass: string) => runKafkaTool(mainClass, args, { paths: options.paths, timeoutMs: options.timeoutMs ?? 60_000 });
    // kafka-configs moved from the core jar (kafka.admin.ConfigCommand, to 4.1) to the tools
    // jar (org.apache.kafka.tools.ConfigCommand, 4.4): the new name first, the old one for an older broker.
    let result = await run(CONFIG_COMMAND);
    if (result.status !== 0 && MISSING_MAIN_CLASS.test(result.stderr)) result = await run(LEGACY_CONFIG_COMMAND);
    if (result.status !== 0) {
      const output = `${result.stderr}\n${result.stdout}`.split(password).join('[redacted]').trim().split('\n').slice(-12).join('\n');
      throw new LocalKafkaError(
        LocalKafkaErrorCode.ToolFailed,
        `kafka-configs could not set the SCRAM credential of "${name}"${result.timedOut ? ' (timed out)' : ` (exit ${result.status})`}:\n${output}`,
        'Check that the secure cluster is running ("npm run kafka -- status --security sasl-ssl") and read its log.',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
