import { OrdersErrorCode } from '../errors/orders-error-code';

/** The HTTP status of every error code, in one place. */
export const ERROR_STATUS: Readonly<Record<OrdersErrorCode, number>> = {
  [OrdersErrorCode.InvalidRequest]: 400,
  [OrdersErrorCode.MalformedJson]: 400,
  [OrdersErrorCode.UnsupportedMediaType]: 415,
  [OrdersErrorCode.BodyTooLarge]: 413,
  [OrdersErrorCode.NotFound]: 404,
  [OrdersErrorCode.RouteNotFound]: 404,
  [OrdersErrorCode.IllegalTransition]: 409,
  [OrdersErrorCode.RegistryUnavailable]: 503,
  [OrdersErrorCode.ShuttingDown]: 503,
  [OrdersErrorCode.EventDoesNotFitSchema]: 500,
  [OrdersErrorCode.Internal]: 500,
};
