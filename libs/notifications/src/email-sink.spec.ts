import { migrate, openDatabase, type Database } from '@eventline/persistence';
import { EmailSink, NOTIFICATIONS_MIGRATIONS } from './email-sink';
import { InvalidAddressError, MailRelayBusyError } from './notification.errors';

describe('EmailSink (embedded database)', () => {
  let db: Database;
  let sink: EmailSink;
  beforeAll(async () => {
    db = await openDatabase({});
    await migrate(db, NOTIFICATIONS_MIGRATIONS);
    sink = new EmailSink(db);
  });
  afterAll(() => db.close());

  it('sends once per event id', async () => {
    expect(await sink.send('e1', 'ada@example.com', 'order-confirmation', 'o1', 1)).toBe('sent');
    expect(await sink.send('e1', 'ada@example.com', 'order-confirmation', 'o1', 2)).toBe('duplicate');
    expect((await sink.sent()).filter((e) => e.event_id === 'e1')).toHaveLength(1);
  });

  it.each(['nobody@mail.invalid', 'no-at-sign', 'two@@example.com'])('rejects %s for good (not retriable)', async (address) => {
    const error = await sink.send('e2', address, 't', null, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAddressError);
    expect(error).toMatchObject({ retriable: false, code: 'NOTIFY_INVALID_ADDRESS' });
  });

  it('refuses a +flaky address twice, then sends', async () => {
    await expect(sink.send('e3', 'bob+flaky@example.com', 't', null, 1)).rejects.toBeInstanceOf(MailRelayBusyError);
    await expect(sink.send('e3', 'bob+flaky@example.com', 't', null, 2)).rejects.toMatchObject({ retriable: true });
    await expect(sink.send('e3', 'bob+flaky@example.com', 't', null, 3)).resolves.toBe('sent');
  });
});
