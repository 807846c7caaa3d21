export { createOrdersApp, type OrdersApp } from './create-orders-app';
export { readOrdersServiceConfig, type OrdersServiceConfig } from './config/orders-service.config';
export type { OrdersAppOptions } from './orders-app.options';
export { OrdersErrorCode } from './errors/orders-error-code';
