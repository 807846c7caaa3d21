import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate, type TestCertificate } from '../integration/self-signed-certificate';
import { loadTlsConfig } from './tls-config';

describe('loadTlsConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-tls-'));
  const passphrase = 'canary-key-passphrase-7d1e';
  let plain: TestCertificate;
  let encrypted: TestCertificate;
  let other: TestCertificate;
  const passwordFile = join(dir, 'key-password');

  beforeAll(() => {
    plain = selfSignedCertificate(dir, 'plain');
    encrypted = selfSignedCertificate(dir, 'encrypted', passphrase);
    other = selfSignedCertificate(dir, 'other');
    writeFileSync(passwordFile, `${passphrase}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = (env: NodeJS.ProcessEnv) => {
    const problems: string[] = [];
    const config = loadTlsConfig(env, problems);
    return { config, problems };
  };

  it('is off without a certificate and key', () => {
    expect(load({})).toEqual({ config: undefined, problems: [] });
  });

  it.each([
    ['an unencrypted key', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: plain.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: plain.keyFile })],
    [
      'an encrypted key and its password',
      () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: encrypted.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: encrypted.keyFile, SCHEMA_REGISTRY_TLS_KEY_PASSWORD: passphrase }),
    ],
    [
      'an encrypted key and its password from a file (trailing newline dropped)',
      () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: encrypted.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: encrypted.keyFile, SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE: passwordFile }),
    ],
  ])('reads %s', (_case, env) => {
    const { config, problems } = load(env());
    expect(problems).toEqual([]);
    expect(config?.cert.toString()).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    ['a certificate without a key', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: plain.certFile }), /go together: set both/],
    ['a key without a certificate', () => ({ SCHEMA_REGISTRY_TLS_KEY_FILE: plain.keyFile }), /go together: set both/],
    ['a password without either', () => ({ SCHEMA_REGISTRY_TLS_KEY_PASSWORD: passphrase }), /KEY_PASSWORD is set without/],
    [
      'a password both inline and in a file',
      () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: encrypted.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: encrypted.keyFile, SCHEMA_REGISTRY_TLS_KEY_PASSWORD: passphrase, SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE: passwordFile }),
      /SCHEMA_REGISTRY_TLS_KEY_PASSWORD and SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE are both set/,
    ],
    ['a missing file', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: join(dir, 'nope.crt'), SCHEMA_REGISTRY_TLS_KEY_FILE: plain.keyFile }), /nope\.crt cannot be read \(ENOENT\)/],
    ['a key as the certificate', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: plain.keyFile, SCHEMA_REGISTRY_TLS_KEY_FILE: plain.keyFile }), /is not a PEM certificate/],
    ['an encrypted key without its password', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: encrypted.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: encrypted.keyFile }), /if it is encrypted, set SCHEMA_REGISTRY_TLS_KEY_PASSWORD/],
    [
      'a wrong password',
      () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: encrypted.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: encrypted.keyFile, SCHEMA_REGISTRY_TLS_KEY_PASSWORD: 'wrong-canary-9f' }),
      /check SCHEMA_REGISTRY_TLS_KEY_PASSWORD/,
    ],
    ['the key of another certificate', () => ({ SCHEMA_REGISTRY_TLS_CERT_FILE: plain.certFile, SCHEMA_REGISTRY_TLS_KEY_FILE: other.keyFile }), /is not the key of the certificate/],
  ])('refuses %s', (_case, env, message) => {
    const { config, problems } = load(env());
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems.join()).not.toContain(passphrase);
    expect(problems.join()).not.toContain('wrong-canary-9f');
  });
});
