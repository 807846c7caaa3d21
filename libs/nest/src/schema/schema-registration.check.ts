import { CodecError, CodecErrorCode, CodecMode, type AvroCodec } from '@eventline/codec';
import { EventCatalog, isEventType, type EventType } from '@eventline/contracts';
import { EventlineConfigError, EventlineConfigErrorCode } from '../errors/eventline-config.error';

/**
 * Production never registers a schema (see CodecMode), so a subject missing from the
 * registry would only fail at the first publish, long after the deploy looked healthy.
 * Checking at boot makes the deploy itself fail, naming the subjects. Subjects are the
 * catalog's: `topicNames` changes where records go, not which schema they are written with.
 */
export async function assertSchemasRegistered(codec: AvroCodec, mode: CodecMode, eventTypes: Iterable<string>): Promise<void> {
  if (mode !== CodecMode.Production) return;
  const types = [...new Set(eventTypes)].filter(isEventType) as EventType[];
  const bindings = types.map((type) => ({ subject: EventCatalog[type].subject, schema: EventCatalog[type].schema }));
  try {
    await codec.assertRegistered(bindings);
  } catch (error) {
    if (error instanceof CodecError && error.code === CodecErrorCode.SchemaNotRegistered) {
      throw new EventlineConfigError(EventlineConfigErrorCode.SchemasNotRegistered, `Eventline cannot start in production mode: schemas ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
