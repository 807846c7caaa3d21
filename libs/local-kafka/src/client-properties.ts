import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

/** Which client the properties file is for. */
export const ClientPropertiesFlavor = {
  /**
   * librdkafka / Confluent clients and Eventline's own connection reader:
   * sasl.username + sasl.password, ssl.ca.location, ssl.certificate.location, ssl.key.location.
   */
  Confluent: 'confluent',
  /** The Java client and Kafka's tools: sasl.jaas.config, ssl.truststore.type=PEM. */
  Java: 'java',
} as const;
export type ClientPropertiesFlavor = (typeof ClientPropertiesFlavor)[keyof typeof ClientPropertiesFlavor];

/** Which listener the properties file points at. */
export const ClientTransport = {
  /** SCRAM-SHA-512 over TLS. */
  SaslSsl: 'sasl-ssl',
  /** TLS with a client certificate; the principal is the certificate's CN. */
  Mtls: 'mtls',
} as const;
export type ClientTransport = (typeof ClientTransport)[keyof typeof ClientTransport];

export interface ClientPropertiesInput {
  readonly bootstrap: string;
  readonly caFile: string;
  readonly flavor: ClientPropertiesFlavor;
  readonly sasl?: { readonly username: string; readonly password: string };
  readonly certificate?: { readonly certFile: string; readonly keyFile: string };
}

/**
 * The text of a client.properties file. Usernames and passwords are the launcher's own
 * (letters, digits, `.`, `_`, `-`), so they need no escaping inside the JAAS quotes.
 * Java mTLS is not offered: Kafka's PEM keystore wants key and chain in one file, which the
 * launcher does not keep per client; Java clients use SASL_SSL here.
 */
export function clientPropertiesText(input: ClientPropertiesInput): string {
  const lines = [`bootstrap.servers=${input.bootstrap}`];
  if (input.sasl) {
    lines.push('security.protocol=SASL_SSL', 'sasl.mechanism=SCRAM-SHA-512');
    if (input.flavor === ClientPropertiesFlavor.Java) {
      lines.push(
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ' +
          `username="${input.sasl.username}" password="${input.sasl.password}";`,
      );
    } else {
      lines.push(`sasl.username=${input.sasl.username}`, `sasl.password=${input.sasl.password}`);
    }
  } else {
    lines.push('security.protocol=SSL');
  }
  if (input.flavor === ClientPropertiesFlavor.Java) {
    lines.push('ssl.truststore.type=PEM', `ssl.truststore.location=${input.caFile}`);
  } else {
    lines.push(`ssl.ca.location=${input.caFile}`);
  }
  if (input.certificate) {
    if (input.flavor === ClientPropertiesFlavor.Java) {
      throw new LocalKafkaError(
        LocalKafkaErrorCode.InvalidOption,
        'Java client properties for mTLS are not generated.',
        'Use the SASL_SSL transport for Java clients, or the confluent flavor for mTLS.',
      );
    }
    lines.push(`ssl.certificate.location=${input.certificate.certFile}`, `ssl.key.location=${input.certificate.keyFile}`);
  }
  return `${lines.join('\n')}\n`;
}
