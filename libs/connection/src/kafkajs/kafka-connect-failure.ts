import { ConnectionError, ConnectionErrorCode } from '../errors/connection-config.error';
import { describeTlsError } from '../registry/registry-http.client';
import { usesSasl, usesTls, type KafkaConnectionSettings } from '../settings/connection-settings';

const AUTHORIZATION_FAILURES = new Set([
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  'DELEGATION_TOKEN_AUTHORIZATION_FAILED',
]);

interface ErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly type?: string;
  readonly broker?: string;
  readonly cause?: unknown;
  readonly originalError?: unknown;
}

/** The error and what it wraps (kafkajs nests the real one in originalError / cause). */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = err;
  while (current && typeof current === 'object' && out.length < 8) {
    out.push(current as ErrorLike);
    const next = (current as ErrorLike).originalError ?? (current as ErrorLike).cause;
    if (next === current) break;
    current = next;
  }
  return out;
}

/**
 * Names the cause of a failed Kafka connection or request in one line, with the setting to
 * change: bad credentials, an untrusted or mismatched certificate, a plaintext client on a
 * TLS port, a missing client certificate, a missing ACL. Undefined when the error is none of
 * those (the caller keeps its own handling). Never includes a secret: kafkajs's messages
 * carry none, and only names and sources are added.
 */
export function explainKafkaError(err: unknown, kafka: KafkaConnectionSettings): ConnectionError | undefined {
  const errors = chain(err);
  const at = errors.find((e) => e.broker)?.broker ?? kafka.brokers.join(',');
  const protocol = `security.protocol=${kafka.securityProtocol} (${kafka.securityProtocolSource})`;

  // The SaslHandshake answer: the listener enables other mechanisms than the one we asked for.
  if (errors.some((e) => e.type === 'UNSUPPORTED_SASL_MECHANISM') && kafka.sasl) {
    return failed(`Kafka at ${at} does not accept SASL ${kafka.sasl.mechanism} on this listener: set sasl.mechanism (KAFKA_SASL_MECHANISM) to one it enables`, err);
  }
  const sasl = errors.find((e) => e.name === 'KafkaJSSASLAuthenticationError');
  if (sasl) {
    const message = sasl.message ?? '';
    if (/mechanism is not supported by the server/.test(message) && kafka.sasl) {
      return failed(`Kafka at ${at} does not accept SASL ${kafka.sasl.mechanism} on this listener: set sasl.mechanism (KAFKA_SASL_MECHANISM) to one it enables`, err);
    }
    if (kafka.sasl && 'username' in kafka.sasl) {
      return failed(
        `Kafka at ${at} rejected the ${kafka.sasl.mechanism} credentials of user "${kafka.sasl.username}" (unknown user or wrong password): check ${kafka.sasl.usernameSource} and ${kafka.sasl.password.source}`,
        err,
      );
    }
    if (kafka.sasl) return failed(`Kafka at ${at} rejected the OAUTHBEARER token from ${kafka.sasl.tokenFile.path} (${kafka.sasl.tokenFile.source})`, err);
    return failed(`Kafka at ${at} refused SASL authentication: ${message}`, err);
  }

  const authz = errors.find((e) => e.type !== undefined && AUTHORIZATION_FAILURES.has(e.type));
  if (authz) {
    const who = kafka.sasl && 'username' in kafka.sasl ? `User:${kafka.sasl.username}` : 'this client';
    return new ConnectionError(
      ConnectionErrorCode.NotAuthorized,
      `Kafka at ${at} denied ${who}: ${authz.type} (${authz.message}); grant the ACL (eventline acls plan --execute)`,
      false,
      { cause: err },
    );
  }

  for (const e of errors) {
    const tls = describeTlsError(e, 'ssl.ca.location (KAFKA_SSL_CA_FILE)');
    if (tls && e.code !== 'EPROTO') return failed(`TLS to Kafka at ${at} failed: ${tls.replace(/^its/, "the broker's")}`, err);
  }

  const text = errors.map((e) => `${e.code ?? ''} ${e.message ?? ''}`).join(' ');
  if (usesTls(kafka.securityProtocol)) {
    if (/wrong version number|packet length too long|unknown protocol|EPROTO.*record|disconnected before secure TLS connection/i.test(text)) {
      return failed(`Kafka at ${at} does not speak TLS on this port, but ${protocol} does: use the TLS listener's port, or PLAINTEXT/SASL_PLAINTEXT`, err);
    }
    if (/certificate required|alert number 116|bad certificate|handshake failure/i.test(text) && !kafka.tls?.certificate) {
      return failed(`Kafka at ${at} refused the TLS handshake: this listener requires a client certificate; set ssl.certificate.location and ssl.key.location (KAFKA_SSL_CERT_FILE, KAFKA_SSL_KEY_FILE)`, err);
    }
    if (/bad decrypt|bad password read|PEM routines|DECODER routines/i.test(text)) {
      return failed(`the client key could not be read: check ssl.key.password (KAFKA_SSL_KEY_PASSWORD) and ssl.key.location`, err);
    }
  } else if (/Connection closed by the server|Closed connection|ECONNRESET|socket hang up/i.test(text)) {
    const sasl = usesSasl(kafka.securityProtocol) ? '' : ' or requires SASL';
    return failed(`Kafka at ${at} closed the connection at once: the listener probably uses TLS${sasl}; check ${protocol} (SSL or SASL_SSL) and the port`, err);
  }
  return undefined;
}

function failed(message: string, cause: unknown): ConnectionError {
  return new ConnectionError(ConnectionErrorCode.AuthenticationFailed, message, false, { cause });
}
