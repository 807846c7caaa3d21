import type { Profile } from '../profile';
import { TRACED_PEERS, type TracingVariant } from './tracing-variants.settings';

/** The tracing variants S3 runs beside its peers (its sizes are the profile's `s3`). */
export const S3_SETTINGS: Readonly<Record<Profile['name'], { readonly tracing: readonly TracingVariant[] }>> = {
  quick: { tracing: TRACED_PEERS },
  full: { tracing: TRACED_PEERS },
};
