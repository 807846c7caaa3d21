import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl } from './openssl-command';
import { writePrivateFile } from './private-file';
import { clientCertificateFiles, type SecureMaterialPaths } from './secure-material-paths';
import { BROKER_PRINCIPAL, PRINCIPAL_NAME } from './secure-principals';

/**
 * The certificate profiles, in one openssl config file so no extension is spelled on a
 * command line. Subjects come from `-subj`; the empty [dn] only satisfies `req`.
 * The broker's certificate serves both ends: the listeners present it, and the broker
 * presents it again as a client on its own controller and inter-broker connections.
 */
const OPENSSL_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[broker_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const CA_DAYS = '3650';
const LEAF_DAYS = '825';

/**
 * EC P-256: a key is made in milliseconds (RSA-2048 takes a noticeable share of a loaded
 * 2-core machine's second), and Kafka's PEM loader, Java's TLS and Node all accept it.
 * openssl 3 writes PKCS#8 ("BEGIN PRIVATE KEY"), the only unencrypted form Kafka's PEM store reads.
 */
function newKey(file: string): void {
  writePrivateFile(file, openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']));
}

/** A positive 63-bit serial; random so that re-issued certificates never repeat one. */
function serial(): string {
  const bytes = randomBytes(8);
  bytes[0] &= 0x7f;
  return `0x${bytes.toString('hex')}`;
}

function issue(paths: SecureMaterialPaths, configFile: string, keyFile: string, cn: string, profile: string): string {
  const csr = openssl(['req', '-new', '-config', configFile, '-key', keyFile, '-subj', `/CN=${cn}`]);
  return openssl(
    ['x509', '-req', '-CA', paths.caCertFile, '-CAkey', paths.caKeyFile, '-set_serial', serial(), '-days', LEAF_DAYS, '-sha256'].concat([
      '-extfile',
      configFile,
      '-extensions',
      profile,
    ]),
    { input: csr },
  );
}

export interface TlsMaterialRequest {
  /** Principals that get a client certificate, CN=<principal>. */
  readonly clientPrincipals: readonly string[];
  /** One principal whose key is also written encrypted with this passphrase. */
  readonly encryptedKey?: { readonly principal: string; readonly passphrase: string };
}

/**
 * Creates what is missing of: the local CA, the broker's certificate, a client certificate
 * per principal, and the encrypted copy of one client key. Idempotent; a start with all
 * files present runs no openssl at all. A missing CA voids everything it signed, so then the
 * whole folder is made again (clients must re-read the CA file).
 */
export function ensureTlsMaterial(paths: SecureMaterialPaths, request: TlsMaterialRequest): void {
  for (const principal of request.clientPrincipals) {
    if (!PRINCIPAL_NAME.test(principal)) throw new Error(`"${principal}" is not a valid principal name for a certificate`);
  }
  if (!existsSync(paths.caKeyFile) || !existsSync(paths.caCertFile)) rmSync(paths.tlsDir, { recursive: true, force: true });
  mkdirSync(paths.clientsDir, { recursive: true, mode: 0o700 });
  chmodSync(paths.tlsDir, 0o700);
  const configFile = join(paths.tlsDir, 'openssl.cnf');
  writeFileSync(configFile, OPENSSL_CONFIG);

  if (!existsSync(paths.caCertFile)) {
    newKey(paths.caKeyFile);
    const ca = openssl(['req', '-x509', '-new', '-config', configFile, '-extensions', 'ca_ext', '-key', paths.caKeyFile]
      .concat(['-subj', '/CN=Eventline local CA', '-days', CA_DAYS, '-sha256']));
    writeFileSync(paths.caCertFile, ca);
  }
  if (!existsSync(paths.brokerKeystoreFile) || !existsSync(paths.brokerCertFile)) {
    newKey(paths.brokerKeyFile);
    const cert = issue(paths, configFile, paths.brokerKeyFile, BROKER_PRINCIPAL, 'broker_ext');
    writeFileSync(paths.brokerCertFile, cert);
    // Kafka's PEM keystore file: the private key, then the chain from the leaf up.
    writePrivateFile(paths.brokerKeystoreFile, readFileSync(paths.brokerKeyFile, 'utf8') + cert + readFileSync(paths.caCertFile, 'utf8'));
  }
  for (const principal of request.clientPrincipals) {
    const files = clientCertificateFiles(paths, principal);
    if (existsSync(files.certFile) && existsSync(files.keyFile)) continue;
    newKey(files.keyFile);
    writeFileSync(files.certFile, issue(paths, configFile, files.keyFile, principal, 'client_ext'));
  }
  if (request.encryptedKey) {
    // Written on every start (one openssl call) so that it always matches the passphrase in
    // the credentials file, even when that file was made again. The passphrase goes through
    // the environment: argv is readable by every local user.
    const files = clientCertificateFiles(paths, request.encryptedKey.principal);
    const encrypted = openssl(['pkcs8', '-topk8', '-in', files.keyFile, '-v2', 'aes-256-cbc', '-passout', 'env:EVENTLINE_TLS_PASSPHRASE'], {
      env: { EVENTLINE_TLS_PASSPHRASE: request.encryptedKey.passphrase },
    });
    writePrivateFile(files.encryptedKeyFile, encrypted);
  }
}
