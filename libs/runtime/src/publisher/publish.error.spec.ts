import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { PublishError, PublishErrorCode, publisherConfigError } from './publish.error';

const { Transient, Final } = Classification;

describe('PublishError implements the classified-error protocol, never poison', () => {
  it.each<[PublishErrorCode, Classification]>([
    [PublishErrorCode.InvalidPayload, Final],
    [PublishErrorCode.UnknownEventType, Final],
    [PublishErrorCode.SchemaNotRegistered, Final],
    [PublishErrorCode.EncodingFailed, Final],
    [PublishErrorCode.RegistryUnavailable, Transient],
    [PublishErrorCode.BrokerUnavailable, Transient],
    [PublishErrorCode.NotAcknowledged, Transient],
    [PublishErrorCode.Rejected, Final],
    [PublishErrorCode.UnknownTopic, Final],
    [PublishErrorCode.InvalidOptions, Final],
    [PublishErrorCode.NotConnected, Transient],
    [PublishErrorCode.Closed, Final],
    [PublishErrorCode.ConfigInvalid, Final],
  ])('%s', (code, classification) => {
    const cause = new Error('underneath');
    const error = new PublishError(code, 'm', { cause, eventType: 'dev.eventline.orders.OrderPaid' });
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code, cause, eventType: 'dev.eventline.orders.OrderPaid' });
  });

  it('says what to change in publisher options', () => {
    expect(publisherConfigError(['linger must be ≥ 0'])).toMatchObject({ code: PublishErrorCode.ConfigInvalid, retriable: false, message: 'EventPublisher options: linger must be ≥ 0' });
  });
});
