import type { ClusterSecurity } from './cluster-security';
import { serverProperties } from './server-properties';

/** The single and three-node clusters: PLAINTEXT listeners, no users, nothing to prepare. */
export const plaintextSecurity: ClusterSecurity = {
  prepare: () => undefined,
  serverProperties,
  formatOptions: () => ({}),
  formatted: () => undefined,
  readinessClient: () => ({}),
  ready: async () => undefined,
};
