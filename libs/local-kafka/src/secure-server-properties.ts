import type { ClusterSpec, NodeSpec } from './cluster-layout';
import { SCRAM_MECHANISM } from './scram-users';
import { secureMaterialPaths } from './secure-material-paths';
import { ADMIN_PRINCIPAL, BROKER_PRINCIPAL } from './secure-principals';
import { baseServerProperties, renderProperties } from './server-properties';

/** The listener names; each is also the name of its security protocol except CONTROLLER. */
export const SecureListener = { SaslSsl: 'SASL_SSL', Ssl: 'SSL', Controller: 'CONTROLLER' } as const;

/**
 * The secure node's configuration: the plain node's, with three TLS listeners and ACLs.
 *
 * - SASL_SSL (clients): SCRAM-SHA-512 over TLS, no client certificate.
 * - SSL (clients, and inter-broker): TLS with a client certificate required (mTLS). The
 *   principal is the certificate's CN (ssl.principal.mapping.rules), so `CN=orders-service`
 *   is the same `User:orders-service` as the SCRAM login and the same ACLs apply.
 * - CONTROLLER: SSL with a client certificate required too. SCRAM is not supported on a KRaft
 *   controller listener (its credentials live in the metadata the controller serves), and
 *   PLAINTEXT would let anyone on the machine talk to the controller as User:ANONYMOUS, which
 *   would then have to be a super user. The broker side of this combined node authenticates
 *   with its own certificate, `User:eventline-broker`, a super user.
 *
 * Nothing here holds a password: the server's SCRAM login module needs no credentials because
 * no broker-side connection uses SASL.
 */
export function secureServerProperties(cluster: ClusterSpec, node: NodeSpec): string {
  const material = secureMaterialPaths(cluster.dir);
  const { SaslSsl, Ssl, Controller } = SecureListener;
  const host = node.host;
  return renderProperties({
    ...baseServerProperties(cluster, node),
    listeners: `${SaslSsl}://${host}:${node.brokerPort},${Ssl}://${host}:${node.sslPort},${Controller}://${host}:${node.controllerPort}`,
    'advertised.listeners': `${SaslSsl}://${host}:${node.brokerPort},${Ssl}://${host}:${node.sslPort}`,
    'listener.security.protocol.map': `${SaslSsl}:SASL_SSL,${Ssl}:SSL,${Controller}:SSL`,
    'controller.listener.names': Controller,
    'inter.broker.listener.name': Ssl,

    // One PEM keystore (key + chain) and the CA as truststore serve every listener, and the
    // broker's own outgoing controller and inter-broker connections. Hostname verification
    // stays on: the certificate's SAN holds 127.0.0.1 and localhost.
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': material.brokerKeystoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': material.caCertFile,
    [`listener.name.${Ssl.toLowerCase()}.ssl.client.auth`]: 'required',
    [`listener.name.${Controller.toLowerCase()}.ssl.client.auth`]: 'required',
    'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+).*$/$1/,DEFAULT',

    'sasl.enabled.mechanisms': SCRAM_MECHANISM,
    [`listener.name.${SaslSsl.toLowerCase()}.sasl.enabled.mechanisms`]: SCRAM_MECHANISM,
    [`listener.name.${SaslSsl.toLowerCase()}.${SCRAM_MECHANISM.toLowerCase()}.sasl.jaas.config`]:
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',

    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    // Deny by default: a principal without ACLs is refused, which is what the specs test.
    'allow.everyone.if.no.acl.found': false,
    'super.users': `User:${ADMIN_PRINCIPAL};User:${BROKER_PRINCIPAL}`,
  });
}
