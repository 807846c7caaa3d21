export { CompatibilityLevel, DEFAULT_COMPATIBILITY_LEVEL, LEVEL_RULES, isCompatibilityLevel, type LevelRule } from './compatibility-level';
export { CheckDirection, IncompatibilityType, formatIncompatibility, type Incompatibility } from './incompatibility';
export { SchemaCompatError, SchemaCompatErrorCode } from './schema-compat.error';
export { canonicalAvroForm } from './avro-canonical-form';
export { parseAvroSchema, type AvroSchema, type ReferencedSchemaText } from './avro-schema.parser';
export { readerWriterIncompatibilities } from './reader-writer.checker';
export {
  checkCompatibility,
  describeVersionIncompatibility,
  type CompatibilityResult,
  type PreviousSchema,
  type VersionIncompatibility,
} from './compatibility.checker';
