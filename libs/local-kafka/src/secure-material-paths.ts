import { join } from 'node:path';

/**
 * Where the secure cluster keeps what clients need to reach it, beside its data (so a
 * reset wipes certificates, passwords and data together and they never disagree).
 *
 *   <cluster dir>/credentials.json          passwords and key passphrases (0600)
 *   <cluster dir>/admin.properties          Java client properties of the admin over SASL_SSL (0600)
 *   <cluster dir>/tls/ca.{key,cert}.pem     the local CA (key 0600)
 *   <cluster dir>/tls/broker.{key,cert}.pem the broker's certificate, SAN localhost and 127.0.0.1
 *   <cluster dir>/tls/broker.keystore.pem   key + certificate chain, what ssl.keystore.location reads (0600)
 *   <cluster dir>/tls/clients/<name>.{key,cert}.pem  one client certificate per principal (CN=<name>)
 *   <cluster dir>/tls/clients/<name>.key.encrypted.pem  the same key under a passphrase (one principal)
 */
export interface SecureMaterialPaths {
  readonly credentialsFile: string;
  readonly adminPropertiesFile: string;
  readonly tlsDir: string;
  readonly caKeyFile: string;
  readonly caCertFile: string;
  readonly brokerKeyFile: string;
  readonly brokerCertFile: string;
  readonly brokerKeystoreFile: string;
  readonly clientsDir: string;
}

export function secureMaterialPaths(clusterDir: string): SecureMaterialPaths {
  const tlsDir = join(clusterDir, 'tls');
  return {
    credentialsFile: join(clusterDir, 'credentials.json'),
    adminPropertiesFile: join(clusterDir, 'admin.properties'),
    tlsDir,
    caKeyFile: join(tlsDir, 'ca.key.pem'),
    caCertFile: join(tlsDir, 'ca.cert.pem'),
    brokerKeyFile: join(tlsDir, 'broker.key.pem'),
    brokerCertFile: join(tlsDir, 'broker.cert.pem'),
    brokerKeystoreFile: join(tlsDir, 'broker.keystore.pem'),
    clientsDir: join(tlsDir, 'clients'),
  };
}

export interface ClientCertificateFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** The same key encrypted with the passphrase kept in the credentials file, if one was made. */
  readonly encryptedKeyFile: string;
}

export function clientCertificateFiles(paths: SecureMaterialPaths, principal: string): ClientCertificateFiles {
  return {
    certFile: join(paths.clientsDir, `${principal}.cert.pem`),
    keyFile: join(paths.clientsDir, `${principal}.key.pem`),
    encryptedKeyFile: join(paths.clientsDir, `${principal}.key.encrypted.pem`),
  };
}
