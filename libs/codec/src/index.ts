export { AvroCodec, type AvroCodecOptions, type SchemaBinding } from './avro-codec';
export { AvroEncoder } from './avro.encoder';
export { AvroDecoder } from './avro.decoder';
export { EventCodec, catalogBindings } from './event-codec';
export { CodecMode } from './codec-mode';
export { CodecError, CodecErrorCode, isCodecError } from './errors/codec.error';
export { AVRO_TYPE_OPTIONS, parseAvroType } from './avro/avro-type.options';
export { BigIntLongType } from './avro/bigint-long.type';
export { MAGIC_BYTE, WIRE_HEADER_SIZE, readSchemaId } from './wire/confluent-wire-format';
export type { SchemaRegistryClient } from './registry/schema-registry.client';
export { RegistryOutcome, RegistryRequestError } from './registry/registry-request.error';
export {
  ConfluentSchemaRegistryClient,
  type ConfluentSchemaRegistryClientOptions,
} from './registry/confluent-schema-registry.client';
