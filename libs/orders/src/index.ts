export { ordersConfig, type OrdersConfig } from './orders.config';
export { OrdersModule } from './orders.module';
export { OrdersService, OrderStatus, type OrderView } from './orders.service';
export { OutboxRelay } from './outbox-relay';
export { InvalidInputError, parseNewOrder, parsePayment, parseCancellation } from './order-input.validator';
export { startOrdersService, BODY_LIMIT } from './start-orders-service';
