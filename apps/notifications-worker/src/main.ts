/** The notifications worker: a consumer group on `orders` and `shipments` that sends emails into a local sink table (`.invalid` addresses are dead-lettered, `+flaky` ones succeed on the third attempt). Settings: see README "Running the pipeline". */
import './telemetry';
import 'reflect-metadata';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { startNotificationsWorker } from '@eventline/notifications';

filterKafkaJsTimeoutWarning();

startNotificationsWorker().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
