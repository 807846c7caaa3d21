import { RegistryErrors } from './registry.error';

/** A version path segment: a number, or the latest one ("latest" or -1, as Confluent accepts). */
export type VersionParam = { readonly latest: true } | { readonly latest: false; readonly version: number };

const MAX_VERSION = 2 ** 31 - 1;

export function parseVersionParam(raw: string): VersionParam {
  if (raw === 'latest' || raw === '-1') return { latest: true };
  if (/^\d{1,10}$/.test(raw)) {
    const version = Number(raw);
    if (version >= 1 && version <= MAX_VERSION) return { latest: false, version };
  }
  throw RegistryErrors.invalidVersion(raw);
}
