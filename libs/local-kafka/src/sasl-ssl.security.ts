import { existsSync, readFileSync } from 'node:fs';
import type { ClusterSpec } from './cluster-layout';
import { ClientPropertiesFlavor, clientPropertiesText } from './client-properties';
import type { ClusterSecurity } from './cluster-security';
import { ensureCredentials, markProvisioned, readCredentials, writeCredentials, type StoredCredentials } from './credentials-store';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { writePrivateFile } from './private-file';
import { alterScramUser, SCRAM_MECHANISM, scramFormatArguments } from './scram-users';
import { secureMaterialPaths } from './secure-material-paths';
import { ADMIN_PRINCIPAL, CERTIFICATE_PRINCIPALS, ENCRYPTED_KEY_PRINCIPAL, SCRAM_PRINCIPALS } from './secure-principals';
import { secureServerProperties } from './secure-server-properties';
import { isFormatted } from './storage';
import { ensureTlsMaterial } from './tls-material';

function stored(cluster: ClusterSpec): StoredCredentials {
  const file = secureMaterialPaths(cluster.dir).credentialsFile;
  const credentials = readCredentials(file);
  if (!credentials) throw new LocalKafkaError(LocalKafkaErrorCode.CredentialsUnavailable, `${file} is missing.`);
  return credentials;
}

const saslBootstrap = (cluster: ClusterSpec) => `${cluster.nodes[0].host}:${cluster.nodes[0].brokerPort}`;

/** The secure cluster: TLS material and SCRAM users made on first use, ACLs enforced. */
export const saslSslSecurity: ClusterSecurity = {
  prepare(cluster) {
    const material = secureMaterialPaths(cluster.dir);
    // Formatted storage holds SCRAM users whose passwords only that file knew; new passwords
    // would lock the launcher out of its own cluster.
    if (!existsSync(material.credentialsFile) && cluster.nodes.some(isFormatted)) {
      throw new LocalKafkaError(
        LocalKafkaErrorCode.CredentialsUnavailable,
        `${material.credentialsFile} is missing, but the secure cluster's storage was formatted with the users it listed.`,
        'Wipe the secure cluster with "npm run kafka -- reset --security sasl-ssl"; the next start makes users and credentials together.',
      );
    }
    const credentials = ensureCredentials(material.credentialsFile, SCRAM_PRINCIPALS, [ENCRYPTED_KEY_PRINCIPAL]);
    ensureTlsMaterial(material, {
      clientPrincipals: CERTIFICATE_PRINCIPALS,
      encryptedKey: { principal: ENCRYPTED_KEY_PRINCIPAL, passphrase: credentials.keyPassphrases[ENCRYPTED_KEY_PRINCIPAL] },
    });
    const admin = credentials.users[ADMIN_PRINCIPAL];
    writePrivateFile(
      material.adminPropertiesFile,
      clientPropertiesText({
        bootstrap: saslBootstrap(cluster),
        caFile: material.caCertFile,
        flavor: ClientPropertiesFlavor.Java,
        sasl: { username: ADMIN_PRINCIPAL, password: admin.password },
      }),
    );
  },

  serverProperties: secureServerProperties,

  formatOptions(cluster) {
    const credentials = stored(cluster);
    return { extraArgs: scramFormatArguments(credentials), secrets: Object.values(credentials.users).map((u) => u.password) };
  },

  formatted(cluster) {
    const credentials = stored(cluster);
    writeCredentials(secureMaterialPaths(cluster.dir).credentialsFile, markProvisioned(credentials, Object.keys(credentials.users)));
  },

  readinessClient(cluster) {
    const material = secureMaterialPaths(cluster.dir);
    const admin = stored(cluster).users[ADMIN_PRINCIPAL];
    return {
      ssl: { ca: [readFileSync(material.caCertFile, 'utf8')] },
      sasl: { mechanism: 'scram-sha-512', username: ADMIN_PRINCIPAL, password: admin.password },
    };
  },

  /** Users added to the principal list after the storage was formatted get their credential now. */
  async ready(cluster, context) {
    const material = secureMaterialPaths(cluster.dir);
    let credentials = stored(cluster);
    for (const [name, user] of Object.entries(credentials.users)) {
      if (user.provisioned) continue;
      context.log(`adding the ${SCRAM_MECHANISM} user "${name}" with kafka-configs…`);
      await alterScramUser(name, user.password, {
        paths: context.paths,
        bootstrap: saslBootstrap(cluster),
        adminPropertiesFile: material.adminPropertiesFile,
        scratchDir: cluster.dir,
      });
      credentials = markProvisioned(credentials, [name]);
      writeCredentials(material.credentialsFile, credentials);
    }
  },
};
