/** Injection token of the orders service's validated configuration. */
export const ORDERS_CONFIG = Symbol('ORDERS_CONFIG');
