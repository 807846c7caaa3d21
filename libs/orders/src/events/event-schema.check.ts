import { Inject, Injectable } from '@nestjs/common';
import { CodecErrorCode, isCodecError, type AvroCodec } from '@eventline/codec';
import { EventCatalog, type EventPayload, type EventType } from '@eventline/contracts';
import { EVENTLINE_CODEC } from '@eventline/nest';
import { OrdersErrorCode } from '../errors/orders-error-code';
import { OrdersError } from '../errors/orders.error';
import { RegistryProbe } from '../readiness/registry-probe';

/**
 * Checks an event against its registered schema before the change that causes it is
 * written: an event that cannot be encoded would otherwise sit in the outbox forever and
 * hold back every later event of its order. Uses the app's codec, so the schema id it
 * resolves (and caches) is the one the publisher encodes with.
 */
@Injectable()
export class EventSchemaCheck {
  constructor(
    @Inject(EVENTLINE_CODEC) private readonly codec: AvroCodec,
    private readonly registry: RegistryProbe,
  ) {}

  async assertFits<T extends EventType>(type: T, payload: EventPayload<T>): Promise<void> {
    const entry = EventCatalog[type];
    let problems: string[];
    try {
      const encoder = await this.codec.encoderFor<EventPayload<T>>({ subject: entry.subject, schema: entry.schema });
      problems = encoder.validate(payload);
    } catch (error) {
      if (isCodecError(error, CodecErrorCode.RegistryUnavailable)) {
        this.registry.markUnreachable(error.message);
        throw new OrdersError(OrdersErrorCode.RegistryUnavailable, `the schema registry is unreachable (${error.message}); nothing was written`, { cause: error });
      }
      throw error;
    }
    if (problems.length > 0) {
      throw new OrdersError(OrdersErrorCode.EventDoesNotFitSchema, `${type} built by the orders service does not fit its schema: ${problems.join('; ')}`);
    }
  }
}
