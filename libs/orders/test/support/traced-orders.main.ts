/**
 * The orders service as apps/orders-service/src/main.ts starts it, in a process that traces
 * its HTTP requests (http-tracing.register.ts). For specs that need the request's span to be
 * active when an order change writes its outbox row; it prints the same "listening on" line.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/orders/test/support/traced-orders.main.ts
 */
import './http-tracing.register';
import 'reflect-metadata';
import { readOrdersServiceConfig } from '../../src/config/orders-service.config';
import { createOrdersApp } from '../../src/create-orders-app';

createOrdersApp(readOrdersServiceConfig()).then(
  (orders) => console.log(`orders-service listening on ${orders.url} (traced)`),
  (error: unknown) => {
    console.error(`orders-service cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
