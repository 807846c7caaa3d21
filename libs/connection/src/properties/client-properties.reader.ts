import { parseJaasConfig, SUPPORTED_LOGIN_MODULES } from './jaas-config.parser';
import type { PropertyEntry } from './java-properties.parser';
import type { SettingLayer, SettingName } from '../settings/setting-names';

/** Keys that map one to one onto a setting. */
const DIRECT_KEYS: Readonly<Record<string, SettingName>> = {
  'bootstrap.servers': 'bootstrap',
  'security.protocol': 'protocol',
  'sasl.mechanism': 'mechanism',
  // librdkafka's spelling
  'sasl.mechanisms': 'mechanism',
  'sasl.username': 'username',
  'sasl.password': 'password',
  // Eventline's own key: kafkajs takes a token, and Kubernetes projects one into a file.
  'sasl.oauthbearer.token.file': 'oauthTokenFile',
  'ssl.ca.location': 'caFile',
  'ssl.certificate.location': 'certFile',
  'ssl.key.location': 'keyFile',
  'ssl.key.password': 'keyPassword',
  'ssl.endpoint.identification.algorithm': 'endpointIdentification',
  'client.id': 'clientId',
  'schema.registry.url': 'registryUrl',
  'basic.auth.user.info': 'registryUserInfo',
  'schema.registry.basic.auth.user.info': 'registryUserInfo',
  'basic.auth.credentials.source': 'registryCredentialsSource',
  'bearer.auth.token': 'registryBearerToken',
  'schema.registry.ssl.ca.location': 'registryCaFile',
};

/**
 * Keys Confluent Cloud and Kafka's docs put in client files that tune a client rather than
 * say where or who it is: Eventline sets these itself per client, so they are reported as not
 * applied instead of as unknown.
 */
const TUNING_KEYS = new Set([
  'acks',
  'client.dns.lookup',
  'session.timeout.ms',
  'request.timeout.ms',
  'retries',
  'retry.backoff.ms',
  'linger.ms',
  'batch.size',
  'compression.type',
  'enable.idempotence',
  'group.id',
  'auto.offset.reset',
  'enable.auto.commit',
  'max.poll.interval.ms',
  'max.poll.records',
  'metadata.max.age.ms',
  'socket.connection.setup.timeout.ms',
  'delivery.timeout.ms',
  'heartbeat.interval.ms',
]);

const JKS_TRUSTSTORE_HINT =
  'use a PEM CA file instead: "keytool -list -keystore <truststore.jks>" shows the alias, then ' +
  '"keytool -exportcert -rfc -keystore <truststore.jks> -alias <alias> -file ca.pem", and set ssl.ca.location=ca.pem';
const JKS_KEYSTORE_HINT =
  'use PEM files instead: "keytool -importkeystore -srckeystore <keystore.jks> -destkeystore client.p12 -deststoretype PKCS12", ' +
  'then "openssl pkcs12 -in client.p12 -nokeys -out client.crt" and "openssl pkcs12 -in client.p12 -nocerts -out client.key", ' +
  'and set ssl.certificate.location, ssl.key.location (and ssl.key.password)';

export interface ClientPropertiesResult {
  readonly layer: SettingLayer;
  readonly problems: string[];
  readonly warnings: string[];
}

/**
 * Turns the entries of a client properties file into settings. A key Eventline cannot honour
 * (JKS stores, GSSAPI, OAuth flows kafkajs lacks) is a problem that names the key and what to
 * use instead; a key it does not know is a warning, never silently dropped. Messages name
 * keys and line numbers, never values (a value may be a password).
 */
export function readClientProperties(entries: readonly PropertyEntry[], file: string): ClientPropertiesResult {
  const layer: SettingLayer = {};
  const problems: string[] = [];
  const warnings: string[] = [];
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const at = (e: PropertyEntry) => `${file}:${e.line} ${e.key}`;
  const set = (name: SettingName, e: PropertyEntry, value = e.value) => {
    layer[name] = { value, source: at(e) };
  };
  const storeType = (key: string) => (byKey.get(key)?.value ?? 'JKS').trim().toUpperCase();

  for (const e of byKey.values()) {
    const direct = DIRECT_KEYS[e.key];
    if (direct) {
      set(direct, e, e.value.trim() === e.value || direct === 'password' ? e.value : e.value.trim());
      continue;
    }
    switch (e.key) {
      case 'sasl.jaas.config': {
        const jaas = parseJaasConfig(e.value);
        if ('problem' in jaas) {
          problems.push(`${at(e)}: ${jaas.problem}`);
        } else if (!(jaas.loginModule in SUPPORTED_LOGIN_MODULES)) {
          problems.push(
            `${at(e)}: login module ${jaas.loginModule} is not supported; use PlainLoginModule or ScramLoginModule with ` +
              'username and password (for OAUTHBEARER set sasl.oauthbearer.token.file to a file holding the token)',
          );
        } else {
          // Explicit sasl.username / sasl.password win over the JAAS entry.
          if (jaas.options.username !== undefined && !byKey.has('sasl.username')) layer.username = { value: jaas.options.username, source: at(e) };
          if (jaas.options.password !== undefined && !byKey.has('sasl.password')) layer.password = { value: jaas.options.password, source: at(e) };
          if (jaas.options.username === undefined || jaas.options.password === undefined) {
            problems.push(`${at(e)}: the entry needs both username="…" and password="…"`);
          }
        }
        break;
      }
      case 'ssl.truststore.location':
        if (storeType('ssl.truststore.type') === 'PEM') set('caFile', e);
        else problems.push(`${at(e)}: ${storeType('ssl.truststore.type')} truststores are not supported (Node reads PEM); ${JKS_TRUSTSTORE_HINT}`);
        break;
      case 'ssl.keystore.location':
        if (storeType('ssl.keystore.type') === 'PEM') {
          // One PEM file holding the certificate chain and the private key.
          set('certFile', e);
          set('keyFile', e);
        } else {
          problems.push(`${at(e)}: ${storeType('ssl.keystore.type')} keystores are not supported (Node reads PEM); ${JKS_KEYSTORE_HINT}`);
        }
        break;
      case 'schema.registry.ssl.truststore.location':
        if (storeType('schema.registry.ssl.truststore.type') === 'PEM') set('registryCaFile', e);
        else problems.push(`${at(e)}: only PEM truststores are supported; ${JKS_TRUSTSTORE_HINT.replace('ssl.ca.location', 'schema.registry.ssl.ca.location')}`);
        break;
      case 'ssl.truststore.type':
      case 'ssl.keystore.type':
      case 'schema.registry.ssl.truststore.type':
        break; // read together with the location above
      case 'ssl.truststore.password':
      case 'ssl.keystore.password':
      case 'schema.registry.ssl.truststore.password':
        if (storeType(e.key.replace('.password', '.type')) !== 'PEM') break; // the location's own error says what to do
        warnings.push(`${at(e)}: not needed for PEM files (a key passphrase goes in ssl.key.password); not applied`);
        break;
      case 'bearer.auth.credentials.source':
        if (e.value.trim().toUpperCase() !== 'STATIC_TOKEN') {
          problems.push(`${at(e)}: only STATIC_TOKEN is supported; put the token in bearer.auth.token (or SCHEMA_REGISTRY_BEARER_TOKEN_FILE)`);
        }
        break;
      default:
        if (e.key.startsWith('sasl.kerberos.')) {
          problems.push(`${at(e)}: Kerberos (GSSAPI) is not supported by kafkajs; use SCRAM-SHA-512, PLAIN or OAUTHBEARER`);
        } else if (TUNING_KEYS.has(e.key)) {
          warnings.push(`${at(e)}: not applied (Eventline sets ${e.key} per client itself)`);
        } else {
          warnings.push(`${at(e)}: unknown key, ignored`);
        }
    }
  }
  return { layer, problems, warnings };
}
