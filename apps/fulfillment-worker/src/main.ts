/** The fulfillment worker: a consumer group on `orders` that schedules one shipment per paid order and announces it on `shipments`. Run several to scale by partition. Settings: see README "Running the pipeline". */
import './telemetry';
import 'reflect-metadata';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { startFulfillmentWorker } from '@eventline/fulfillment';

filterKafkaJsTimeoutWarning();

startFulfillmentWorker().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
