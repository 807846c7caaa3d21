import { AvroCodec, ConfluentSchemaRegistryClient } from '@eventline/codec';
import type { EventlineModuleOptions } from '../eventline-module.options';

/** One codec per app, so the registry answers it caches serve the publisher and every consumer. */
export function createCodec(options: EventlineModuleOptions): AvroCodec {
  return new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: options.schemaRegistryUrl, ...options.schemaRegistry }), mode: options.codecMode });
}
