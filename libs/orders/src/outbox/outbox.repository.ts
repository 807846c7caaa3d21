import { Injectable } from '@nestjs/common';
import { isEventType } from '@eventline/contracts';
import type { Queryable } from '@eventline/persistence';
import { fromOutboxJson, toOutboxJson } from './outbox-json';
import type { OutboxEvent, OutboxRow } from './outbox-row';

interface RawRow {
  id: string;
  event_id: string;
  event_type: string;
  event_key: string;
  key_seq: number;
  payload: string;
  created_at: Date | string;
  traceparent: string | null;
  tracestate: string | null;
}

export interface OutboxBacklog {
  readonly pending: number;
  /** Age of the oldest unpublished event; 0 when none waits. */
  readonly oldestSeconds: number;
}

/**
 * The oldest unpublished event of each order, and only that one: an order's next event
 * becomes visible here only once the previous one is marked published, i.e. after Kafka
 * acknowledged it. This query is the whole per-order ordering rule of the relay.
 */
const HEADS = `
  SELECT o.id::text AS id, o.event_id, o.event_type, o.event_key, o.key_seq, o.payload, o.created_at, o.traceparent, o.tracestate
  FROM outbox o
  WHERE o.published_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM outbox earlier
      WHERE earlier.event_key = o.event_key AND earlier.published_at IS NULL AND earlier.key_seq < o.key_seq)
  ORDER BY o.id
  LIMIT $1`;

/** SQL of the outbox table; every method takes the connection or transaction to run on. */
@Injectable()
export class OutboxRepository {
  /** Called inside the transaction of the order change the event announces. */
  async append(tx: Queryable, event: OutboxEvent): Promise<void> {
    await tx.query(
      'INSERT INTO outbox (event_id, event_type, event_key, key_seq, payload, traceparent, tracestate) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [event.eventId, event.type, event.key, event.seq, toOutboxJson(event.payload), event.traceContext?.traceparent ?? null, event.traceContext?.tracestate ?? null],
    );
  }

  /**
   * `lock`: FOR UPDATE SKIP LOCKED, so relays of several instances never take the same row.
   * A row another relay holds is skipped, and the order's later events stay invisible
   * (the NOT EXISTS still sees the held row unpublished), so no one overtakes it.
   */
  async heads(q: Queryable, limit: number, lock: boolean): Promise<OutboxRow[]> {
    const rows = await q.query<RawRow>(lock ? `${HEADS} FOR UPDATE OF o SKIP LOCKED` : HEADS, [limit]);
    return rows.map(toRow);
  }

  async markPublished(q: Queryable, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await q.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  async backlog(q: Queryable): Promise<OutboxBacklog> {
    const [row] = await q.query<{ pending: string; oldest: string | null }>(
      `SELECT count(*)::text AS pending, extract(epoch FROM now() - min(created_at))::text AS oldest FROM outbox WHERE published_at IS NULL`,
    );
    return { pending: Number(row.pending), oldestSeconds: row.oldest === null ? 0 : Number(row.oldest) };
  }
}

function toRow(row: RawRow): OutboxRow {
  if (!isEventType(row.event_type)) throw new Error(`outbox row ${row.id} has event type ${row.event_type}, which is not in the catalog`);
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.event_type,
    key: row.event_key,
    seq: Number(row.key_seq),
    payload: fromOutboxJson(row.payload),
    createdAt: new Date(row.created_at),
    ...(row.traceparent !== null ? { traceContext: row.tracestate !== null ? { traceparent: row.traceparent, tracestate: row.tracestate } : { traceparent: row.traceparent } } : {}),
  };
}
