import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@eventline/persistence';
import { DATABASE } from '@eventline/service-kit';

export const FULFILLMENT_MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS shipments (
     order_id text PRIMARY KEY,
     shipment_id text NOT NULL,
     source_event_id text NOT NULL,
     scheduled_for bigint NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
] as const;

export interface Shipment {
  readonly orderId: string;
  readonly shipmentId: string;
  readonly scheduledFor: number;
  /** False when this order had a shipment already (a redelivery, or a second payment event). */
  readonly created: boolean;
}

/**
 * One shipment per order, enforced by the primary key: however often OrderPaid is
 * delivered, the insert happens once and later deliveries read the existing row.
 */
@Injectable()
export class ShipmentsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async scheduleOnce(orderId: string, shipmentId: string, sourceEventId: string, scheduledFor: number): Promise<Shipment> {
    const inserted = await this.db.query<{ shipment_id: string }>(
      `INSERT INTO shipments (order_id, shipment_id, source_event_id, scheduled_for) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO NOTHING RETURNING shipment_id`,
      [orderId, shipmentId, sourceEventId, scheduledFor],
    );
    if (inserted.length > 0) return { orderId, shipmentId, scheduledFor, created: true };
    const [row] = await this.db.query<{ shipment_id: string; scheduled_for: string }>(
      'SELECT shipment_id, scheduled_for FROM shipments WHERE order_id = $1',
      [orderId],
    );
    return { orderId, shipmentId: row.shipment_id, scheduledFor: Number(row.scheduled_for), created: false };
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM shipments');
    return Number(row.n);
  }
}
