import { inspect } from 'node:util';
import { ConnectionConfigError } from '../errors/connection-config.error';
import { collectConnectionSettings, readConnectionSettings } from './connection-settings.reader';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CANARY = 'Canary-Pa55word-7f3a';

/** An in-memory file system: path → content. */
function files(entries: Record<string, string>) {
  return (path: string) => {
    if (!(path in entries)) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
    return entries[path];
  };
}

const read = (env: Record<string, string>, fs: Record<string, string> = {}, flags = {}) =>
  readConnectionSettings({ env, flags, cwd: '/work', readFile: files(fs) });

const problems = (env: Record<string, string>, fs: Record<string, string> = {}, flags = {}) =>
  collectConnectionSettings({ env, flags, cwd: '/work', readFile: files(fs) }).problems;

describe('readConnectionSettings', () => {
  it('defaults to the local broker and registry over PLAINTEXT', () => {
    const settings = read({});
    expect(settings.kafka).toMatchObject({ brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT', sasl: undefined, tls: undefined });
    expect(settings.registry).toMatchObject({ url: 'http://127.0.0.1:8081', auth: undefined });
  });

  it('reads a Confluent Cloud style properties file (PLAIN over SASL_SSL, registry basic auth)', () => {
    const text = [
      '# Required connection configs for Kafka producer, consumer, and admin',
      'bootstrap.servers=pkc-xxxx.eu-west-1.aws.confluent.cloud:9092',
      'security.protocol=SASL_SSL',
      'sasl.mechanisms=PLAIN',
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="APIKEY" password="${CANARY}";`,
      'client.dns.lookup=use_all_dns_ips',
      'session.timeout.ms=45000',
      'acks=all',
      'schema.registry.url=https://psrc-xxxx.eu-central-1.aws.confluent.cloud',
      'basic.auth.credentials.source=USER_INFO',
      `basic.auth.user.info=SRKEY:${CANARY}`,
    ].join('\n');
    const settings = read({ KAFKA_CLIENT_CONFIG: 'client.properties' }, { '/work/client.properties': text });
    expect(settings.kafka).toMatchObject({
      brokers: ['pkc-xxxx.eu-west-1.aws.confluent.cloud:9092'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'PLAIN', username: 'APIKEY' },
      tls: { ca: undefined, verifyHostname: true },
    });
    expect(settings.kafka.sasl && 'password' in settings.kafka.sasl && settings.kafka.sasl.password.reveal()).toBe(CANARY);
    expect(settings.registry.auth).toMatchObject({ kind: 'basic', username: 'SRKEY' });
    expect(settings.warnings).toEqual([
      'client.properties:6 client.dns.lookup: not applied (Eventline sets client.dns.lookup per client itself)',
      'client.properties:7 session.timeout.ms: not applied (Eventline sets session.timeout.ms per client itself)',
      'client.properties:8 acks: not applied (Eventline sets acks per client itself)',
    ]);
    // However the settings are printed, the secret is not there.
    for (const printed of [JSON.stringify(settings), inspect(settings, { depth: 10 }), `${String(settings.kafka.sasl && 'password' in settings.kafka.sasl ? settings.kafka.sasl.password : '')}`]) {
      expect(printed).not.toContain(CANARY);
    }
  });

  it('takes SCRAM with a CA and mTLS files from the environment, secrets from *_FILE', () => {
    const settings = read(
      {
        KAFKA_BROKERS: 'b-1.msk:9096,b-2.msk:9096',
        KAFKA_SECURITY_PROTOCOL: 'sasl_ssl',
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME_FILE: '/run/secrets/user',
        KAFKA_SASL_PASSWORD_FILE: '/run/secrets/password',
        KAFKA_SSL_CA_FILE: '/etc/ca.pem',
        KAFKA_SSL_CERT_FILE: 'client.pem',
        KAFKA_SSL_KEY_FILE: 'client.key',
        KAFKA_SSL_KEY_PASSWORD: CANARY,
      },
      { '/run/secrets/user': 'orders-service\n', '/run/secrets/password': `${CANARY}\n`, '/etc/ca.pem': PEM, '/work/client.pem': PEM, '/work/client.key': PEM },
    );
    expect(settings.kafka.sasl).toMatchObject({ mechanism: 'SCRAM-SHA-512', username: 'orders-service', usernameSource: 'KAFKA_SASL_USERNAME_FILE=/run/secrets/user' });
    expect(settings.kafka.sasl && 'password' in settings.kafka.sasl && settings.kafka.sasl.password.reveal()).toBe(CANARY);
    expect(settings.kafka.tls).toMatchObject({ ca: { path: '/etc/ca.pem' }, certificate: { path: '/work/client.pem' }, key: { path: '/work/client.key' } });
    expect(settings.kafka.tls?.keyPassword?.reveal()).toBe(CANARY);
  });

  it('lets flags win over the environment, and the environment over the file', () => {
    const fs = { '/work/c.properties': 'bootstrap.servers=file:1\nschema.registry.url=http://file:1\nsecurity.protocol=SSL' };
    const settings = read({ KAFKA_BROKERS: 'env:2', KAFKA_CLIENT_CONFIG: 'ignored.properties' }, fs, { commandConfig: 'c.properties', registry: 'http://flag:3' });
    expect(settings.kafka.brokers).toEqual(['env:2']);
    expect(settings.kafka.securityProtocol).toBe('SSL');
    expect(settings.registry).toMatchObject({ url: 'http://flag:3', urlSource: '--registry' });
    expect(settings.propertiesFile).toBe('/work/c.properties');
  });

  it('accepts the Java tools\' PEM truststore and keystore keys', () => {
    const fs = { '/work/p': 'security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=/ca.pem\nssl.keystore.type=PEM\nssl.keystore.location=/both.pem', '/ca.pem': PEM, '/both.pem': PEM };
    expect(read({ KAFKA_CLIENT_CONFIG: 'p' }, fs).kafka.tls).toMatchObject({ ca: { path: '/ca.pem' }, certificate: { path: '/both.pem' }, key: { path: '/both.pem' } });
  });

  it('takes registry credentials from the URL without keeping them in it, or inherits the SASL user', () => {
    const fromUrl = read({ SCHEMA_REGISTRY_URL: `https://key:${CANARY}@registry.example:8081/` });
    expect(fromUrl.registry).toMatchObject({ url: 'https://registry.example:8081', auth: { kind: 'basic', username: 'key' } });
    const inherit = read({
      KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
      KAFKA_SASL_MECHANISM: 'PLAIN',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: CANARY,
      SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE: 'SASL_INHERIT',
    });
    expect(inherit.registry.auth).toMatchObject({ kind: 'basic', username: 'u' });
    const bearer = read({ SCHEMA_REGISTRY_BEARER_TOKEN_FILE: '/t' }, { '/t': `${CANARY}\n` });
    expect(bearer.registry.auth?.kind === 'bearer' && bearer.registry.auth.token.reveal()).toBe(CANARY);
  });

  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['a JKS truststore', { KAFKA_CLIENT_CONFIG: '/p' }, { '/p': 'security.protocol=SSL\nssl.truststore.location=/t.jks' }, '/p:2 ssl.truststore.location: JKS truststores are not supported (Node reads PEM); use a PEM CA file instead: "keytool -list'],
    ['a JKS keystore', { KAFKA_CLIENT_CONFIG: '/p' }, { '/p': 'security.protocol=SSL\nssl.keystore.location=/k.jks' }, 'keytool -importkeystore'],
    ['GSSAPI', { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'GSSAPI' }, {}, 'KAFKA_SASL_MECHANISM="GSSAPI": Kerberos is not supported by kafkajs'],
    ['Kerberos keys', { KAFKA_CLIENT_CONFIG: '/p' }, { '/p': 'sasl.kerberos.service.name=kafka' }, '/p:1 sasl.kerberos.service.name: Kerberos (GSSAPI) is not supported'],
    ['an unknown protocol', { KAFKA_SECURITY_PROTOCOL: 'TLS' }, {}, 'KAFKA_SECURITY_PROTOCOL="TLS": expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL'],
    ['SASL without a mechanism', { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' }, {}, "Kafka's default, GSSAPI, is not supported"],
    ['SASL without a password', { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: 'u' }, {}, 'SASL SCRAM-SHA-256 needs sasl.password'],
    ['credentials on PLAINTEXT', { KAFKA_SASL_USERNAME: 'u' }, {}, 'KAFKA_SASL_USERNAME is set but security.protocol=PLAINTEXT (the default) does not use SASL'],
    ['a CA on SASL_PLAINTEXT', { KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p', KAFKA_SSL_CA_FILE: '/ca' }, { '/ca': PEM }, 'KAFKA_SSL_CA_FILE is set but security.protocol=SASL_PLAINTEXT (KAFKA_SECURITY_PROTOCOL) does not use TLS'],
    ['a missing CA file', { KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: '/nope.pem' }, {}, 'KAFKA_SSL_CA_FILE=/nope.pem: cannot read (no such file)'],
    ['a CA that is not PEM', { KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: '/ca.der' }, { '/ca.der': '0\x82' }, 'is not a PEM file'],
    ['a certificate without its key', { KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CERT_FILE: '/c' }, { '/c': PEM }, 'without its key: set ssl.key.location'],
    ['a secret set twice', { KAFKA_SASL_PASSWORD: 'a', KAFKA_SASL_PASSWORD_FILE: '/x' }, { '/x': 'b' }, 'KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE are both set'],
    ['a missing properties file', { KAFKA_CLIENT_CONFIG: '/etc/missing.properties' }, {}, 'KAFKA_CLIENT_CONFIG=/etc/missing.properties: cannot read (no such file)'],
    ['registry user info without a colon', { SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO: 'justakey' }, {}, 'must be "user:password"'],
    ['two registry credentials', { SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO: 'a:b', SCHEMA_REGISTRY_BEARER_TOKEN: 't' }, {}, 'are both set: keep one'],
    ['a registry CA on http', { SCHEMA_REGISTRY_CA_FILE: '/ca' }, { '/ca': PEM }, 'SCHEMA_REGISTRY_CA_FILE is set but default is not https'],
    ['a bad bootstrap list', { KAFKA_BROKERS: 'nohost' }, {}, 'KAFKA_BROKERS="nohost" is not a comma-separated list of host:port'],
    ['an OAuth login module', { KAFKA_CLIENT_CONFIG: '/p' }, { '/p': 'sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;' }, 'set sasl.oauthbearer.token.file'],
  ])('refuses %s with a message naming the setting', (_case, env, fs, expected) => {
    const found = problems(env, fs);
    expect(found.join('\n')).toContain(expected);
  });

  it('reports every problem at once, in one ConnectionConfigError', () => {
    const attempt = () => read({ KAFKA_BROKERS: 'x', KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CA_FILE: '/missing', SCHEMA_REGISTRY_URL: 'ftp://r' });
    expect(attempt).toThrow(ConnectionConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConnectionConfigError).problems).toHaveLength(3);
      expect((error as ConnectionConfigError).code).toBe('CONNECTION_CONFIG_INVALID');
    }
  });

  it('never prints a secret in a problem', () => {
    const found = problems({
      SCHEMA_REGISTRY_URL: `ftp://user:${CANARY}@r`,
      KAFKA_CLIENT_CONFIG: '/p',
    }, { '/p': `sasl.jaas.config=Bad required password="${CANARY}"` });
    expect(found.length).toBeGreaterThan(1);
    expect(found.join('\n')).not.toContain(CANARY);
  });

  it('warns about an unknown key instead of dropping it silently', () => {
    expect(read({ KAFKA_CLIENT_CONFIG: '/p' }, { '/p': 'bootstrap.server=typo:9092' }).warnings).toEqual(['/p:1 bootstrap.server: unknown key, ignored']);
  });
});
