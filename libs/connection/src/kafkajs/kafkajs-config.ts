import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { SaslMechanism, type KafkaConnectionSettings, type SaslSettings, type TlsSettings } from '../settings/connection-settings';

/** SASL as kafkajs takes it (and the runtime's Kafka client port: the same shapes). */
export type KafkaJsSasl =
  | { mechanism: 'plain'; username: string; password: string }
  | { mechanism: 'scram-sha-256'; username: string; password: string }
  | { mechanism: 'scram-sha-512'; username: string; password: string }
  | { mechanism: 'oauthbearer'; oauthBearerProvider: () => Promise<{ value: string }> };

/** The part of a kafkajs `KafkaConfig` that says where Kafka is and who we are. */
export interface KafkaJsConnection {
  brokers: string[];
  clientId?: string;
  ssl?: ConnectionOptions;
  sasl?: KafkaJsSasl;
}

/**
 * Settings → kafkajs options. Certificate files are read here, once; the OAUTHBEARER token
 * file is read on every authentication, so a token that Kubernetes rotates in place is used
 * from the next connection on. The result holds secrets: hand it to kafkajs, never log it.
 */
export function kafkaJsConnection(settings: KafkaConnectionSettings, options: { oauthBearerProvider?: () => Promise<{ value: string }> } = {}): KafkaJsConnection {
  return {
    brokers: [...settings.brokers],
    ...(settings.clientId ? { clientId: settings.clientId } : {}),
    ...(settings.tls ? { ssl: tlsOptions(settings.tls) } : {}),
    ...(settings.sasl ? { sasl: saslOptions(settings.sasl, options.oauthBearerProvider) } : {}),
  };
}

function tlsOptions(tls: TlsSettings): ConnectionOptions {
  return {
    // Unset ca: Node's bundled public CAs, which managed clusters' certificates chain to.
    ...(tls.ca ? { ca: [readFileSync(tls.ca.path)] } : {}),
    ...(tls.certificate ? { cert: readFileSync(tls.certificate.path) } : {}),
    ...(tls.key ? { key: readFileSync(tls.key.path) } : {}),
    ...(tls.keyPassword ? { passphrase: tls.keyPassword.reveal() } : {}),
    rejectUnauthorized: true,
    // ssl.endpoint.identification.algorithm= (empty): the chain is still verified, the name is not.
    ...(tls.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
  };
}

function saslOptions(sasl: SaslSettings, provider?: () => Promise<{ value: string }>): KafkaJsSasl {
  if (sasl.mechanism === SaslMechanism.OauthBearer) {
    const { path } = sasl.tokenFile;
    return {
      mechanism: 'oauthbearer',
      oauthBearerProvider: provider ?? (async () => ({ value: readFileSync(path, 'utf8').trim() })),
    };
  }
  const mechanism = sasl.mechanism.toLowerCase() as 'plain' | 'scram-sha-256' | 'scram-sha-512';
  return { mechanism, username: sasl.username, password: sasl.password.reveal() } as KafkaJsSasl;
}
