/**
 * The orders service: an HTTP API over PostgreSQL (or embedded PGlite) whose events leave
 * through a transactional outbox. Settings: see README "Running the pipeline".
 */
import 'reflect-metadata';
import { startOrdersService } from '@eventline/orders';

startOrdersService().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
