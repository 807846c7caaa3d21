export { fulfillmentConfig, type FulfillmentConfig } from './fulfillment.config';
export { FulfillmentModule } from './fulfillment.module';
export { ShipmentsRepository } from './shipments.repository';
export { startFulfillmentWorker } from './start-worker';
