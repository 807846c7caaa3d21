import { existsSync, readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { ClientPropertiesFlavor, clientPropertiesText, ClientTransport } from './client-properties';
import { ClusterMode, clusterLayout } from './cluster-layout';
import { readCredentials } from './credentials-store';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { writePrivateFile } from './private-file';
import { clientCertificateFiles, secureMaterialPaths } from './secure-material-paths';
import { ADMIN_PRINCIPAL, CERTIFICATE_PRINCIPALS } from './secure-principals';
import { kafkaPaths, type KafkaPaths } from './workspace-paths';

export interface SecureUser {
  readonly password: string;
}

export interface ClientCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  /** The same key under a passphrase, for the ssl.key.password / `passphrase` case (one principal has it). */
  readonly encryptedKeyFile?: string;
  readonly keyPassphrase?: string;
}

export interface ClientPropertiesOptions {
  /** Default confluent (librdkafka, Eventline's connection reader); java for Kafka's tools. */
  readonly flavor?: ClientPropertiesFlavor;
  /** Default sasl-ssl; mtls points at the client-certificate listener (confluent flavor only). */
  readonly transport?: ClientTransport;
}

/** Spread into `new Kafka({ clientId, ...security })`. */
export interface KafkaJsSecurity {
  readonly brokers: string[];
  readonly ssl: ConnectionOptions;
  readonly sasl?: SASLOptions;
}

/**
 * Everything a client needs to reach the secure local cluster, read from its files. Holds
 * passwords: hand it to test and dev code, never to a logger.
 */
export interface SecureClusterCredentials {
  /** SCRAM-SHA-512 over TLS. */
  readonly saslSslBootstrap: string;
  /** TLS with a client certificate required. */
  readonly sslBootstrap: string;
  readonly caFile: string;
  readonly credentialsFile: string;
  /** Java client.properties of the super user `admin` over SASL_SSL (for Kafka's tools). */
  readonly adminPropertiesFile: string;
  readonly adminUser: string;
  readonly users: Readonly<Record<string, SecureUser>>;
  readonly clientCerts: Readonly<Record<string, ClientCertificate>>;
  /** Writes a client.properties (mode 0600) for one principal and returns its path. */
  writeClientProperties(principal: string, file: string, options?: ClientPropertiesOptions): string;
  /** kafkajs options for a SCRAM login as this user over SASL_SSL. */
  kafkaJs(principal: string): KafkaJsSecurity;
  /** kafkajs options for an mTLS connection with this principal's certificate. */
  kafkaJsMtls(principal: string, options?: { readonly encryptedKey?: boolean }): KafkaJsSecurity;
}

function unknown(kind: string, principal: string, known: readonly string[]): LocalKafkaError {
  return new LocalKafkaError(LocalKafkaErrorCode.InvalidOption, `no ${kind} for "${principal}" on the secure cluster (known: ${known.join(', ')}).`);
}

/** Reads the secure cluster's credentials; its first start (`npm run kafka -- start --security sasl-ssl`) creates them. */
export function secureClusterCredentials(paths: KafkaPaths = kafkaPaths()): SecureClusterCredentials {
  const cluster = clusterLayout(paths, ClusterMode.Secure);
  const node = cluster.nodes[0];
  const material = secureMaterialPaths(cluster.dir);
  const stored = existsSync(material.caCertFile) ? readCredentials(material.credentialsFile) : undefined;
  if (!stored) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.CredentialsUnavailable,
      `the secure cluster has no credentials yet (${material.credentialsFile}).`,
      'Start it once: "npm run kafka -- start --security sasl-ssl".',
    );
  }
  const passphrases = stored.keyPassphrases;
  const users = Object.fromEntries(Object.entries(stored.users).map(([name, u]) => [name, { password: u.password }]));
  const clientCerts: Record<string, ClientCertificate> = {};
  for (const principal of CERTIFICATE_PRINCIPALS) {
    const files = clientCertificateFiles(material, principal);
    if (!existsSync(files.certFile) || !existsSync(files.keyFile)) continue;
    const encrypted = passphrases[principal] !== undefined && existsSync(files.encryptedKeyFile);
    clientCerts[principal] = {
      certFile: files.certFile,
      keyFile: files.keyFile,
      ...(encrypted ? { encryptedKeyFile: files.encryptedKeyFile, keyPassphrase: passphrases[principal] } : {}),
    };
  }
  const saslSslBootstrap = `${node.host}:${node.brokerPort}`;
  const sslBootstrap = `${node.host}:${node.sslPort}`;
  const user = (principal: string): SecureUser => {
    const found = users[principal];
    if (!found) throw unknown('SCRAM user', principal, Object.keys(users));
    return found;
  };
  const cert = (principal: string): ClientCertificate => {
    const found = clientCerts[principal];
    if (!found) throw unknown('client certificate', principal, Object.keys(clientCerts));
    return found;
  };
  const ca = () => [readFileSync(material.caCertFile, 'utf8')];

  return {
    saslSslBootstrap,
    sslBootstrap,
    caFile: material.caCertFile,
    credentialsFile: material.credentialsFile,
    adminPropertiesFile: material.adminPropertiesFile,
    adminUser: ADMIN_PRINCIPAL,
    users,
    clientCerts,
    writeClientProperties(principal, file, options = {}) {
      const mtls = options.transport === ClientTransport.Mtls;
      const text = clientPropertiesText({
        bootstrap: mtls ? sslBootstrap : saslSslBootstrap,
        caFile: material.caCertFile,
        flavor: options.flavor ?? ClientPropertiesFlavor.Confluent,
        ...(mtls ? { certificate: cert(principal) } : { sasl: { username: principal, password: user(principal).password } }),
      });
      writePrivateFile(file, text);
      return file;
    },
    kafkaJs(principal) {
      const { password } = user(principal);
      return { brokers: [saslSslBootstrap], ssl: { ca: ca() }, sasl: { mechanism: 'scram-sha-512', username: principal, password } };
    },
    kafkaJsMtls(principal, options = {}) {
      const c = cert(principal);
      const keyFile = options.encryptedKey ? c.encryptedKeyFile : c.keyFile;
      if (keyFile === undefined) throw unknown('encrypted client key', principal, Object.keys(passphrases));
      const key = readFileSync(keyFile, 'utf8');
      return {
        brokers: [sslBootstrap],
        ssl: { ca: ca(), cert: readFileSync(c.certFile, 'utf8'), key, ...(options.encryptedKey ? { passphrase: c.keyPassphrase } : {}) },
      };
    },
  };
}
