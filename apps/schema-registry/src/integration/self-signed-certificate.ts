import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  /** The certificate PEM: a client that passes it as `ca` trusts the server. */
  readonly cert: Buffer;
}

/**
 * A self-signed certificate for 127.0.0.1 made with the openssl CLI (Node cannot issue
 * certificates). The passphrase, when given, reaches openssl through its environment rather
 * than its argv, as an operator's would.
 */
export function selfSignedCertificate(dir: string, name: string, passphrase?: string): TestCertificate {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  const args = [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', keyFile, '-out', certFile,
    ...(passphrase === undefined ? ['-nodes'] : ['-passout', 'env:TEST_KEY_PASSPHRASE']),
  ];
  const result = spawnSync('openssl', args, { env: { ...process.env, TEST_KEY_PASSPHRASE: passphrase ?? '' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl req failed (${result.status}): ${result.stderr || result.error?.message}`);
  return { certFile, keyFile, cert: readFileSync(certFile) };
}
