import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@eventline/persistence';
import { DATABASE } from '@eventline/service-kit';
import { InvalidAddressError, MailRelayBusyError } from './notification.errors';

export const NOTIFICATIONS_MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS sent_emails (
     event_id text PRIMARY KEY,
     recipient text NOT NULL,
     template text NOT NULL,
     order_id text,
     sent_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS order_contacts (
     order_id text PRIMARY KEY,
     email text NOT NULL
   )`,
] as const;

/**
 * The local stand-in for an SMTP relay: a table of sent emails, one row per causing event
 * (its ce_id), so a redelivered event never sends twice. Two deterministic failure cases
 * exercise the runtime: an address under `.invalid` (RFC 2606) is rejected for good, and a
 * local part containing `+flaky` is refused on the first two attempts.
 */
@Injectable()
export class EmailSink {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async send(eventId: string, recipient: string, template: string, orderId: string | null, attempt: number): Promise<'sent' | 'duplicate'> {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(recipient) || recipient.toLowerCase().endsWith('.invalid')) {
      throw new InvalidAddressError(`"${recipient}" cannot receive mail`);
    }
    if (recipient.split('@')[0].includes('+flaky') && attempt < 3) {
      throw new MailRelayBusyError(`mail relay busy for ${recipient} (attempt ${attempt})`);
    }
    const rows = await this.db.query(
      'INSERT INTO sent_emails (event_id, recipient, template, order_id) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
      [eventId, recipient, template, orderId],
    );
    return rows.length > 0 ? 'sent' : 'duplicate';
  }

  async rememberContact(orderId: string, email: string): Promise<void> {
    await this.db.query('INSERT INTO order_contacts (order_id, email) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING', [orderId, email]);
  }

  async contactOf(orderId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ email: string }>('SELECT email FROM order_contacts WHERE order_id = $1', [orderId]);
    return row?.email;
  }

  async sent(): Promise<Array<{ event_id: string; recipient: string; template: string }>> {
    return this.db.query('SELECT event_id, recipient, template FROM sent_emails ORDER BY sent_at');
  }
}
