/**
 * Production never registers schemas: registering is a reviewed step (the compatibility gate
 * in CI, then `contracts:schemas:register`), and a service that auto-registers on deploy can
 * push an incompatible schema past review. Development registers on first use.
 */
export const CodecMode = {
  Production: 'production',
  Development: 'development',
} as const;
export type CodecMode = (typeof CodecMode)[keyof typeof CodecMode];
