import { isCodecError, CodecErrorCode, type AvroCodec, type AvroEncoder } from '@eventline/codec';
import { EventCatalog, subjectFor, type EventType, type SubjectNameStrategy } from '@eventline/contracts';
import { PublishError, PublishErrorCode } from './publish.error';

/**
 * One encoder per event type, resolved through the codec (schema id looked up or, in
 * development, registered) on first use and then handed out synchronously, so the publish
 * hot path neither awaits nor allocates a promise once warm.
 */
export class EventEncoders {
  private readonly ready = new Map<EventType, AvroEncoder<unknown>>();
  private readonly resolving = new Map<EventType, Promise<AvroEncoder<unknown>>>();

  constructor(
    private readonly codec: AvroCodec,
    private readonly strategy: SubjectNameStrategy,
  ) {}

  /** The encoder now when it is known, else a promise of it; failures are `PublishError`s. */
  get(type: EventType): AvroEncoder<unknown> | Promise<AvroEncoder<unknown>> {
    const encoder = this.ready.get(type);
    if (encoder) return encoder;
    let pending = this.resolving.get(type);
    if (!pending) {
      const entry = EventCatalog[type];
      pending = this.codec
        .encoderFor<unknown>({ subject: subjectFor(entry, this.strategy), schema: entry.schema })
        .then(
          (resolved) => {
            this.ready.set(type, resolved);
            return resolved;
          },
          (error: unknown) => {
            throw schemaLookupError(type, error);
          },
        )
        // Failures are not remembered: the codec asks the registry again on the next publish.
        .finally(() => this.resolving.delete(type));
      this.resolving.set(type, pending);
    }
    return pending;
  }
}

function schemaLookupError(type: EventType, error: unknown): PublishError {
  const code = isCodecError(error, CodecErrorCode.RegistryUnavailable)
    ? PublishErrorCode.RegistryUnavailable
    : isCodecError(error, CodecErrorCode.SchemaNotRegistered)
      ? PublishErrorCode.SchemaNotRegistered
      : PublishErrorCode.EncodingFailed;
  const reason = error instanceof Error ? error.message : String(error);
  return new PublishError(code, `cannot publish ${type}: ${reason}`, { cause: error, eventType: type });
}
