import type { AvroSchema } from './avro-schema.parser';
import { LEVEL_RULES, type CompatibilityLevel } from './compatibility-level';
import { CheckDirection, formatIncompatibility, type Incompatibility } from './incompatibility';
import { readerWriterIncompatibilities } from './reader-writer.checker';

/** An earlier schema of the subject, with its version for messages. */
export interface PreviousSchema {
  readonly version: number;
  readonly schema: AvroSchema;
}

export interface VersionIncompatibility extends Incompatibility {
  /** The earlier version the new schema clashes with. */
  readonly version: number;
  readonly direction: CheckDirection;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  readonly incompatibilities: readonly VersionIncompatibility[];
}

/**
 * Checks `candidate` against the earlier versions of a subject (oldest first, deleted ones
 * already left out) under `level`. Non-transitive levels look at the latest version only.
 */
export function checkCompatibility(
  level: CompatibilityLevel,
  candidate: AvroSchema,
  previous: readonly PreviousSchema[],
): CompatibilityResult {
  const rule = LEVEL_RULES[level];
  const against = rule.transitive ? previous : previous.slice(-1);
  const incompatibilities: VersionIncompatibility[] = [];
  for (const earlier of against) {
    if (rule.newReadsOld) {
      for (const found of readerWriterIncompatibilities(candidate.type, earlier.schema.type)) {
        incompatibilities.push({ ...found, version: earlier.version, direction: CheckDirection.NewReadsOld });
      }
    }
    if (rule.oldReadsNew) {
      for (const found of readerWriterIncompatibilities(earlier.schema.type, candidate.type)) {
        incompatibilities.push({ ...found, version: earlier.version, direction: CheckDirection.OldReadsNew });
      }
    }
  }
  return { compatible: incompatibilities.length === 0, incompatibilities };
}

/**
 * "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/email: field 'email' has no default ...
 * (new schema reading data written with version 2)".
 */
export function describeVersionIncompatibility(found: VersionIncompatibility): string {
  const reading =
    found.direction === CheckDirection.NewReadsOld
      ? `new schema reading data written with version ${found.version}`
      : `version ${found.version} reading data written with the new schema`;
  return `${formatIncompatibility(found)} (${reading})`;
}
