/**
 * Every error code the orders API answers with. Stable: clients and dashboards match on them.
 * The HTTP status of each lives in one table (http/error-status.ts).
 */
export const OrdersErrorCode = {
  InvalidRequest: 'ORDERS_INVALID_REQUEST',
  MalformedJson: 'ORDERS_MALFORMED_JSON',
  /** A body sent without `Content-Type: application/json`. */
  UnsupportedMediaType: 'ORDERS_UNSUPPORTED_MEDIA_TYPE',
  BodyTooLarge: 'ORDERS_BODY_TOO_LARGE',
  NotFound: 'ORDERS_NOT_FOUND',
  RouteNotFound: 'ORDERS_ROUTE_NOT_FOUND',
  IllegalTransition: 'ORDERS_ILLEGAL_TRANSITION',
  /** The schema registry cannot be reached, so no event could be validated or encoded. */
  RegistryUnavailable: 'ORDERS_REGISTRY_UNAVAILABLE',
  ShuttingDown: 'ORDERS_SHUTTING_DOWN',
  /** An event built from valid input does not fit its schema: a bug in this service. */
  EventDoesNotFitSchema: 'ORDERS_EVENT_DOES_NOT_FIT_SCHEMA',
  Internal: 'ORDERS_INTERNAL',
} as const;
export type OrdersErrorCode = (typeof OrdersErrorCode)[keyof typeof OrdersErrorCode];
