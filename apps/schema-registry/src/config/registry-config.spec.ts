import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { hashToken } from '../auth/token-hash';
import { loadRegistryConfig } from './registry-config';
import { RegistryConfigError } from './registry-config.error';

describe('loadRegistryConfig', () => {
  it('defaults to 127.0.0.1:8081, the local broker and _schemas', () => {
    expect(loadRegistryConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 8081,
      brokers: ['127.0.0.1:9092'],
      kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' },
      topic: '_schemas',
      writeTimeoutMs: 30_000,
    });
  });

  it('reads every variable', () => {
    const config = loadRegistryConfig({
      SCHEMA_REGISTRY_HOST: '0.0.0.0',
      SCHEMA_REGISTRY_PORT: '18081',
      KAFKA_BROKERS: 'a:9092, b:9093',
      SCHEMA_REGISTRY_TOPIC: 'team._schemas',
      SCHEMA_REGISTRY_WRITE_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 18081, brokers: ['a:9092', 'b:9093'], topic: 'team._schemas', writeTimeoutMs: 500 });
  });

  it('reads a secured Kafka connection like every other app, ignoring the registry URL meant for clients', () => {
    const config = loadRegistryConfig({
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'schema-registry',
      KAFKA_SASL_PASSWORD: 'Canary-registry-pw',
      SCHEMA_REGISTRY_URL: 'not a url',
    });
    expect(config.kafka).toMatchObject({ securityProtocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'schema-registry' } });
    expect(JSON.stringify(config)).not.toContain('Canary-registry-pw');
  });

  it.each([
    ['SCHEMA_REGISTRY_PORT', 'eighty', /SCHEMA_REGISTRY_PORT="eighty" is not a port/],
    ['SCHEMA_REGISTRY_PORT', '70000', /is not a port/],
    ['KAFKA_BROKERS', 'localhost', /KAFKA_BROKERS="localhost" is not a comma-separated list of host:port \(bad: localhost\)/],
    ['SCHEMA_REGISTRY_TOPIC', 'my topic', /SCHEMA_REGISTRY_TOPIC="my topic" is not a Kafka topic name/],
    ['SCHEMA_REGISTRY_WRITE_TIMEOUT_MS', '5', /must be a whole number of milliseconds >= 100/],
  ])('refuses %s=%s and says what to change', (name, value, message) => {
    const attempt = () => loadRegistryConfig({ [name]: value });
    expect(attempt).toThrow(RegistryConfigError);
    expect(attempt).toThrow(message);
  });

  it('refuses with a classified error: final, coded SCHEMA_REGISTRY_BAD_CONFIG', () => {
    const error = new RegistryConfigError('cannot start the schema registry');
    expect(isClassifiedError(error)).toBe(true);
    expect([error.code, classificationOf(error)]).toEqual(['SCHEMA_REGISTRY_BAD_CONFIG', Classification.Final]);
  });

  it('lists every problem at once', () => {
    expect(() => loadRegistryConfig({ SCHEMA_REGISTRY_PORT: 'x', KAFKA_BROKERS: 'nope' })).toThrow(/PORT[\s\S]*KAFKA_BROKERS/);
  });

  describe('SCHEMA_REGISTRY_USERS_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-users-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const TOKEN_LINE = `ci:write:${hashToken('tok-0123456789abcdef0123456789abcdef')}`;

    it('leaves authentication off when unset', () => {
      expect(loadRegistryConfig({}).auth).toBeUndefined();
    });

    it('reads the users it names', () => {
      const usersFile = file('good', `# users\n${TOKEN_LINE}\n`);
      expect(loadRegistryConfig({ SCHEMA_REGISTRY_USERS_FILE: usersFile }).auth).toMatchObject({ usersFile, users: [{ name: 'ci', role: 'write', line: 2 }] });
    });

    it.each([
      ['a missing file', () => join(dir, 'absent'), /SCHEMA_REGISTRY_USERS_FILE=.*absent cannot be read \(ENOENT\)/],
      ['a directory', () => dir, /cannot be read \(EISDIR\)/],
      ['an empty value', () => '', /SCHEMA_REGISTRY_USERS_FILE is set but empty/],
      ['a malformed line', () => file('bad', `${TOKEN_LINE}\nbob:superuser:${'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB='}\n`), /bad:2: user "bob": the role must be one of read, write, admin/],
    ])('refuses to start with %s', (_case, path, message) => {
      const attempt = () => loadRegistryConfig({ SCHEMA_REGISTRY_USERS_FILE: path() });
      expect(attempt).toThrow(RegistryConfigError);
      expect(attempt).toThrow(message);
    });

    it('never puts the malformed line in the message', () => {
      const usersFile = file('leaky', 'bob:read:AAAAhunter2BBBB\n');
      expect(() => loadRegistryConfig({ SCHEMA_REGISTRY_USERS_FILE: usersFile })).toThrow(/leaky:1: user "bob"/);
      expect(() => loadRegistryConfig({ SCHEMA_REGISTRY_USERS_FILE: usersFile })).not.toThrow(/hunter2/);
    });
  });
});
