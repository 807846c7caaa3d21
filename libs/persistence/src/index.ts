export { DatabaseKind, type Database, type Queryable } from './database';
export { openDatabase, migrate, type OpenDatabaseOptions } from './open-database';
