import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, readSecretEnv } from './secret-env';

export interface TlsConfig {
  readonly certFile: string;
  /** PEM: the server certificate, optionally followed by its intermediates. */
  readonly cert: Buffer;
  /** PEM, possibly encrypted; `passphrase` opens it. */
  readonly key: Buffer;
  readonly passphrase?: string;
}

/**
 * SCHEMA_REGISTRY_TLS_CERT_FILE + SCHEMA_REGISTRY_TLS_KEY_FILE (+ SCHEMA_REGISTRY_TLS_KEY_PASSWORD
 * or its _FILE) switch the listener to HTTPS. Checked here rather than left to the TLS
 * server: a wrong passphrase or a key of another certificate would otherwise surface as a
 * handshake failure on the first client, long after the deploy looked healthy.
 */
export function loadTlsConfig(env: NodeJS.ProcessEnv, problems: string[]): TlsConfig | undefined {
  const certFile = env.SCHEMA_REGISTRY_TLS_CERT_FILE;
  const keyFile = env.SCHEMA_REGISTRY_TLS_KEY_FILE;
  const before = problems.length;
  const passphrase = readSecretEnv(env, 'SCHEMA_REGISTRY_TLS_KEY_PASSWORD', problems);
  // An unreadable password would only add a second, misleading "cannot open the key".
  if (problems.length > before) return undefined;
  if (certFile === undefined && keyFile === undefined) {
    if (passphrase !== undefined) problems.push('SCHEMA_REGISTRY_TLS_KEY_PASSWORD is set without SCHEMA_REGISTRY_TLS_CERT_FILE and SCHEMA_REGISTRY_TLS_KEY_FILE');
    return undefined;
  }
  if (certFile === undefined || keyFile === undefined) {
    problems.push('SCHEMA_REGISTRY_TLS_CERT_FILE and SCHEMA_REGISTRY_TLS_KEY_FILE go together: set both for HTTPS, or neither for HTTP');
    return undefined;
  }
  const cert = readFile(certFile, 'SCHEMA_REGISTRY_TLS_CERT_FILE', problems);
  const key = readFile(keyFile, 'SCHEMA_REGISTRY_TLS_KEY_FILE', problems);
  if (cert === undefined || key === undefined) return undefined;

  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    problems.push(`SCHEMA_REGISTRY_TLS_CERT_FILE=${certFile} is not a PEM certificate`);
    return undefined;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key, format: 'pem', passphrase });
  } catch {
    // The OpenSSL reason ("bad decrypt", "unsupported") is no clearer than this, and says
    // nothing about which of the two to fix.
    problems.push(
      `SCHEMA_REGISTRY_TLS_KEY_FILE=${keyFile} is not a PEM private key it can open: ` +
        (passphrase === undefined ? 'if it is encrypted, set SCHEMA_REGISTRY_TLS_KEY_PASSWORD or _FILE' : 'check SCHEMA_REGISTRY_TLS_KEY_PASSWORD'),
    );
    return undefined;
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    problems.push(`SCHEMA_REGISTRY_TLS_KEY_FILE=${keyFile} is not the key of the certificate in ${certFile}`);
    return undefined;
  }
  return { certFile, cert, key, passphrase };
}
