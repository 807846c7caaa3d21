import { ClusterMode, clusterLayout } from './cluster-layout';
import { newSecret, readCredentials, withUser, writeCredentials } from './credentials-store';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { alterScramUser } from './scram-users';
import { secureMaterialPaths } from './secure-material-paths';
import { PRINCIPAL_NAME } from './secure-principals';
import { withStartLock } from './start-lock';
import { kafkaPaths, type KafkaPaths } from './workspace-paths';

// What newSecret() makes, and what a SCRAM config entry and a JAAS string take without quoting.
const PASSWORD = /^[A-Za-z0-9._-]{12,128}$/;

export interface AddScramUserOptions {
  readonly paths?: KafkaPaths;
  /** Default: a new random password. */
  readonly password?: string;
  readonly timeoutMs?: number;
}

/**
 * Creates a SCRAM-SHA-512 user on the running secure cluster, or gives an existing one a new
 * password, and records it in the credentials file. Runs kafka-configs from the cached jars
 * as `admin` (a JVM start: seconds, not milliseconds). ACLs are the caller's business.
 */
export async function addScramUser(name: string, options: AddScramUserOptions = {}): Promise<{ readonly password: string }> {
  if (!PRINCIPAL_NAME.test(name)) {
    throw new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, `"${name}" is not a user name the launcher accepts.`, `Use 1-64 of A-Z a-z 0-9 . _ - (${PRINCIPAL_NAME}).`);
  }
  const password = options.password ?? newSecret();
  if (!PASSWORD.test(password)) {
    throw new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, 'the password must be 12-128 of A-Z a-z 0-9 . _ - (it goes into SCRAM and JAAS syntax unquoted).');
  }
  const paths = options.paths ?? kafkaPaths();
  const cluster = clusterLayout(paths, ClusterMode.Secure);
  const material = secureMaterialPaths(cluster.dir);
  // The start lock: a start that is formatting or provisioning writes the same credentials file.
  return withStartLock(cluster.lockFile, async () => {
    const credentials = readCredentials(material.credentialsFile);
    if (!credentials) {
      throw new LocalKafkaError(LocalKafkaErrorCode.CredentialsUnavailable, `the secure cluster has no credentials yet (${material.credentialsFile}).`, 'Start it: "npm run kafka -- start --security sasl-ssl".');
    }
    const node = cluster.nodes[0];
    await alterScramUser(name, password, {
      paths,
      bootstrap: `${node.host}:${node.brokerPort}`,
      adminPropertiesFile: material.adminPropertiesFile,
      scratchDir: cluster.dir,
      timeoutMs: options.timeoutMs,
    });
    writeCredentials(material.credentialsFile, withUser(credentials, name, { password, provisioned: true }));
    return { password };
  });
}
