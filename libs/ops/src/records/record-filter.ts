import type { KafkaMessage } from 'kafkajs';
import { CloudEventHeader } from '@eventline/contracts';
import { headerText } from './header-text';

/** Which records a read keeps, by key and event type. Absent fields match everything. */
export interface RecordFilterSpec {
  /** Exact key, compared as UTF-8 text. */
  readonly key?: string;
  /** Exact CloudEvents type (`ce_type` header). */
  readonly type?: string;
}

export type RecordPredicate = (message: KafkaMessage) => boolean;

/** One predicate from the spec; records without a key or a `ce_type` never match a filter on it. */
export function recordFilter(spec: RecordFilterSpec): RecordPredicate {
  const tests: RecordPredicate[] = [];
  if (spec.key !== undefined) {
    const key = Buffer.from(spec.key, 'utf8');
    tests.push((m) => m.key !== null && m.key !== undefined && key.equals(m.key));
  }
  if (spec.type !== undefined) {
    const type = spec.type;
    tests.push((m) => headerText(m.headers, CloudEventHeader.Type) === type);
  }
  return (m) => tests.every((test) => test(m));
}

export function describeFilter(spec: RecordFilterSpec): string {
  const parts = [spec.key !== undefined ? `key = ${spec.key}` : '', spec.type !== undefined ? `ce_type = ${spec.type}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : 'all records';
}
