import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { ORDERS_ERRORS, OrdersErrorCode } from './orders-error-code';
import { OrdersError } from './orders.error';

const { Transient, Final } = Classification;

describe('OrdersError implements the classified-error protocol; one table gives status and classification', () => {
  it.each<[OrdersErrorCode, number, Classification]>([
    [OrdersErrorCode.InvalidRequest, 400, Final],
    [OrdersErrorCode.MalformedJson, 400, Final],
    [OrdersErrorCode.UnsupportedMediaType, 415, Final],
    [OrdersErrorCode.BodyTooLarge, 413, Final],
    [OrdersErrorCode.NotFound, 404, Final],
    [OrdersErrorCode.RouteNotFound, 404, Final],
    [OrdersErrorCode.IllegalTransition, 409, Final],
    [OrdersErrorCode.RegistryUnavailable, 503, Transient],
    [OrdersErrorCode.ShuttingDown, 503, Transient],
    [OrdersErrorCode.EventDoesNotFitSchema, 500, Final],
    [OrdersErrorCode.Internal, 500, Final],
  ])('%s: HTTP %d', (code, status, classification) => {
    const error = new OrdersError(code, 'm', { fields: { quantity: 'must be a whole number' } });
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(ORDERS_ERRORS[code].status).toBe(status);
    expect(error.fields).toEqual({ quantity: 'must be a whole number' });
  });
});
