/** JSON for outbox payloads that keeps bigint fields bigint: `{ "$bigint": "123" }` on disk. */
export function toOutboxJson(payload: unknown): string {
  return JSON.stringify(payload, (_key, value: unknown) => (typeof value === 'bigint' ? { $bigint: value.toString() } : value));
}

export function fromOutboxJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $bigint?: unknown }).$bigint === 'string'
      ? BigInt((value as { $bigint: string }).$bigint)
      : value,
  );
}
