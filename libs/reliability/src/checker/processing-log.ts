import { migrate, openDatabase, type Database } from '@eventline/persistence';
import type { EventStamp } from './event-stamp';

/** One processing of one event, as the consumer side saw it. */
export interface ProcessingRecord extends EventStamp {
  /** Global order of the processings of a run (a PostgreSQL sequence, shared by every process). */
  readonly n: number;
  readonly partition: number;
  readonly offset: string;
  /** Which consumer process (or member) handled it. */
  readonly instance: string;
}

export interface ProcessingLogLocation {
  readonly url: string;
  /** One schema per run, so runs never see each other's rows. */
  readonly schema: string;
}

export const DEFAULT_CHECK_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Where the checker's table lives: EVENTLINE_TEST_DATABASE_URL when set, as the other PostgreSQL specs. */
export function checkDatabaseUrl(): string {
  return process.env.EVENTLINE_TEST_DATABASE_URL ?? DEFAULT_CHECK_DATABASE_URL;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS processed (
     n bigserial PRIMARY KEY,
     id text NOT NULL,
     key text NOT NULL,
     seq integer NOT NULL,
     partition integer NOT NULL,
     "offset" bigint NOT NULL,
     instance text NOT NULL,
     at timestamptz NOT NULL DEFAULT clock_timestamp()
   )`,
  'CREATE INDEX IF NOT EXISTS processed_id ON processed (id)',
];

/**
 * The consumer side of the checker. A handler calls `record` after its work and awaits it
 * before returning: the runtime commits an offset only after the handler returned, so every
 * committed record is in this table — a crash can add duplicates here, never gaps.
 * PostgreSQL (not memory) because handlers run in processes that are killed with -9.
 */
export class ProcessingLog {
  private constructor(
    private readonly db: Database,
    readonly location: ProcessingLogLocation,
  ) {}

  static async open(location: ProcessingLogLocation): Promise<ProcessingLog> {
    const db = await openDatabase({ url: location.url, schema: location.schema });
    await migrate(db, DDL);
    return new ProcessingLog(db, location);
  }

  async record(stamp: EventStamp, partition: number, offset: string, instance: string): Promise<void> {
    await this.db.query('INSERT INTO processed (id, key, seq, partition, "offset", instance) VALUES ($1, $2, $3, $4, $5, $6)', [
      stamp.id,
      stamp.key,
      stamp.seq,
      partition,
      offset,
      instance,
    ]);
  }

  /**
   * How many of `ids` have no processing yet. Waiting on this (not on a count of distinct
   * ids) is what "every acked event processed" means: indeterminate sends that did arrive
   * also add distinct ids, so a count can reach the number of acked sends while some acked
   * ids are still missing.
   */
  async countUnprocessed(ids: readonly string[]): Promise<number> {
    const [row] = await this.db.query<{ c: string }>(
      'SELECT count(*) AS c FROM unnest($1::text[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM processed p WHERE p.id = wanted.id)',
      [ids],
    );
    return Number(row.c);
  }

  async readAll(): Promise<ProcessingRecord[]> {
    const rows = await this.db.query<{ n: string; id: string; key: string; seq: number; partition: number; offset: string; instance: string }>(
      'SELECT n, id, key, seq, partition, "offset", instance FROM processed ORDER BY n',
    );
    return rows.map((r) => ({ n: Number(r.n), id: r.id, key: r.key, seq: r.seq, partition: r.partition, offset: String(r.offset), instance: r.instance }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Drops the run's schema; the log must not be used afterwards. */
  async dropAndClose(): Promise<void> {
    await this.db.query(`DROP SCHEMA IF EXISTS ${this.location.schema} CASCADE`).catch(() => undefined);
    await this.db.close();
  }
}
