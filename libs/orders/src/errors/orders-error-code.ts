import { Classification } from '@eventline/errors';

/**
 * Every error code the orders API answers with. Stable: clients and dashboards match on them.
 * The HTTP status and the classification of each live in one table below.
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

const { Transient, Final } = Classification;

/** Per code: the HTTP status, and whether a client may simply try again later (then `Retry-After`). */
export const ORDERS_ERRORS: Readonly<Record<OrdersErrorCode, Classification & { readonly status: number }>> = {
  [OrdersErrorCode.InvalidRequest]: { status: 400, ...Final },
  [OrdersErrorCode.MalformedJson]: { status: 400, ...Final },
  [OrdersErrorCode.UnsupportedMediaType]: { status: 415, ...Final },
  [OrdersErrorCode.BodyTooLarge]: { status: 413, ...Final },
  [OrdersErrorCode.NotFound]: { status: 404, ...Final },
  [OrdersErrorCode.RouteNotFound]: { status: 404, ...Final },
  [OrdersErrorCode.IllegalTransition]: { status: 409, ...Final },
  // After the registry is back.
  [OrdersErrorCode.RegistryUnavailable]: { status: 503, ...Transient },
  // After the restart.
  [OrdersErrorCode.ShuttingDown]: { status: 503, ...Transient },
  [OrdersErrorCode.EventDoesNotFitSchema]: { status: 500, ...Final },
  [OrdersErrorCode.Internal]: { status: 500, ...Final },
};
