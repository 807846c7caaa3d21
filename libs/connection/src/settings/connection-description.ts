import type { KafkaConnectionSettings, RegistryConnectionSettings } from './connection-settings';

/**
 * One line per side for a start-up log: where, which protocol, which user and which files —
 * never a password, key passphrase or token (those print as their source only).
 */
export function describeKafkaConnection(kafka: KafkaConnectionSettings): string {
  const parts = [`${kafka.brokers.join(',')} over ${kafka.securityProtocol}`];
  if (kafka.sasl) parts.push('username' in kafka.sasl ? `${kafka.sasl.mechanism} as ${kafka.sasl.username}` : `OAUTHBEARER token from ${kafka.sasl.tokenFile.path}`);
  if (kafka.tls) {
    parts.push(kafka.tls.ca ? `CA ${kafka.tls.ca.path}` : 'system CAs');
    if (kafka.tls.certificate) parts.push(`client certificate ${kafka.tls.certificate.path}`);
    if (!kafka.tls.verifyHostname) parts.push('host name not verified');
  }
  return parts.join(', ');
}

export function describeRegistryConnection(registry: RegistryConnectionSettings): string {
  const parts = [registry.url];
  if (registry.auth?.kind === 'basic') parts.push(`basic auth as ${registry.auth.username}`);
  if (registry.auth?.kind === 'bearer') parts.push(`bearer token from ${registry.auth.token.source}`);
  if (registry.ca) parts.push(`CA ${registry.ca.path}`);
  return parts.join(', ');
}
