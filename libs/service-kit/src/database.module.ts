import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { migrate, openDatabase, type Database, type OpenDatabaseOptions } from '@eventline/persistence';

/** The injection token of the service's Database. */
export const DATABASE = Symbol('DATABASE');

/** Opens the service's database (PostgreSQL or embedded PGlite), applies its DDL, closes it last. */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  static forRoot(options: OpenDatabaseOptions & { readonly migrations: readonly string[] }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DATABASE,
          useFactory: async () => {
            const db = await openDatabase(options);
            await migrate(db, options.migrations);
            return db;
          },
        },
      ],
      exports: [DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
