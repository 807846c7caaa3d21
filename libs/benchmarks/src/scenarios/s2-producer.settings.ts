import type { Profile } from '../profile';
import { TRACED_PEERS, type TracingVariant } from './tracing-variants.settings';

/**
 * S2's sizes per profile, and the tracing variants it runs beside its peers. Kept beside the
 * scenario rather than in profile.ts so the scenario can be added (and tuned) without touching
 * the file every other scenario shares.
 */
export const S2_SETTINGS: Readonly<Record<Profile['name'], { readonly records: number; readonly warmupRecords: number; readonly tracing: readonly TracingVariant[] }>> = {
  quick: { records: 50_000, warmupRecords: 20_000, tracing: TRACED_PEERS },
  full: { records: 500_000, warmupRecords: 50_000, tracing: TRACED_PEERS },
};
