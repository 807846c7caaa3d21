import { EnvReader, readServiceConfig, type ServiceConfig } from '@eventline/service-kit';

export interface FulfillmentConfig extends ServiceConfig {
  readonly groupId: string;
}

export function fulfillmentConfig(env: NodeJS.ProcessEnv = process.env): FulfillmentConfig {
  const read = new EnvReader(env);
  const config: FulfillmentConfig = { ...readServiceConfig(read, 3101), groupId: read.string('FULFILLMENT_GROUP_ID', 'fulfillment-worker') };
  read.done('fulfillment-worker');
  return config;
}
