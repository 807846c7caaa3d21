/** What services need of a SQL database: parameterised queries and transactions. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export const DatabaseKind = { Postgres: 'postgres', PGlite: 'pglite' } as const;
export type DatabaseKind = (typeof DatabaseKind)[keyof typeof DatabaseKind];

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
