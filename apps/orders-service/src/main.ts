/**
 * The orders service: HTTP API over PostgreSQL (DATABASE_URL) or embedded PGlite, whose
 * events leave through a transactional outbox. Settings: README, "Running the pipeline".
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/orders-service/src/main.ts
 */
import './telemetry';
import 'reflect-metadata';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { ConfigError } from '@eventline/service-kit';
import { createOrdersApp, readOrdersServiceConfig } from '@eventline/orders';

filterKafkaJsTimeoutWarning();

async function main(): Promise<void> {
  const config = readOrdersServiceConfig();
  const orders = await createOrdersApp(config);
  console.log(`orders-service listening on ${orders.url} (${config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'})`);
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": the outbox keeps what was not published.
    if (++signals > 1) process.exit(130);
    console.log(`orders-service: ${signal}, stopping`);
    orders.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`orders-service: unclean stop: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `orders-service cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
