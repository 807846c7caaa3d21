/**
 * Why a reader schema cannot read data written with a writer schema. The names follow
 * Apache Avro's `SchemaCompatibility.SchemaIncompatibilityType`, so messages read the same as
 * the ones Confluent's registry returns; UNRESOLVABLE covers a refusal avsc gave that none of
 * the named rules explains.
 */
export const IncompatibilityType = {
  NameMismatch: 'NAME_MISMATCH',
  FixedSizeMismatch: 'FIXED_SIZE_MISMATCH',
  MissingEnumSymbols: 'MISSING_ENUM_SYMBOLS',
  ReaderFieldMissingDefaultValue: 'READER_FIELD_MISSING_DEFAULT_VALUE',
  TypeMismatch: 'TYPE_MISMATCH',
  MissingUnionBranch: 'MISSING_UNION_BRANCH',
  Unresolvable: 'UNRESOLVABLE',
} as const;
export type IncompatibilityType = (typeof IncompatibilityType)[keyof typeof IncompatibilityType];

/** Which side of the pair is the schema being checked. */
export const CheckDirection = {
  /** The new schema reads data written with an earlier version (BACKWARD). */
  NewReadsOld: 'NEW_READS_OLD',
  /** An earlier version reads data written with the new schema (FORWARD). */
  OldReadsNew: 'OLD_READS_NEW',
} as const;
export type CheckDirection = (typeof CheckDirection)[keyof typeof CheckDirection];

export interface Incompatibility {
  readonly type: IncompatibilityType;
  /** Where in the reader schema the rule breaks: "/fields/email", "/fields/tags/items". */
  readonly path: string;
  /** What breaks, in words: "field 'email' has no default". */
  readonly detail: string;
}

/** One line, e.g. "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/email: field 'email' has no default". */
export function formatIncompatibility(incompatibility: Incompatibility): string {
  return `${incompatibility.type} at ${incompatibility.path}: ${incompatibility.detail}`;
}
