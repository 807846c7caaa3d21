import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import type { RecordHeaders } from '../kafka/consumed-record';

/** Reads W3C trace headers from a consumed record (Buffer or string, the last value of a repeat). */
export const recordHeaderGetter: TextMapGetter<RecordHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => {
    const raw = headers[key];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return value === undefined ? undefined : value.toString();
  },
};

/** Writes them into the plain string map a publish carries. */
export const stringHeaderSetter: TextMapSetter<Record<string, string>> = {
  set: (headers, key, value) => {
    headers[key] = value;
  },
};
