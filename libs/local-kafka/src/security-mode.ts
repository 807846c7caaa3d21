/** How clients reach a local cluster: the `--security` option and `LocalKafka({ security })`. */
export const SecurityMode = {
  /** PLAINTEXT, no authentication: the single and three-node clusters. */
  None: 'none',
  /** The secure cluster, reported by its SASL_SSL (SCRAM-SHA-512) address. */
  SaslSsl: 'sasl-ssl',
  /** The same secure cluster, reported by its mTLS address (client certificate required). */
  Ssl: 'ssl',
} as const;
export type SecurityMode = (typeof SecurityMode)[keyof typeof SecurityMode];
