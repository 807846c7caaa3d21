import { ClusterMode, type ClusterSpec } from './cluster-layout';
import type { ClusterSecurity } from './cluster-security';
import { plaintextSecurity } from './plaintext.security';
import { saslSslSecurity } from './sasl-ssl.security';

/** The one place that maps a cluster to how it is secured. */
export function securityFor(cluster: ClusterSpec): ClusterSecurity {
  return cluster.mode === ClusterMode.Secure ? saslSslSecurity : plaintextSecurity;
}
