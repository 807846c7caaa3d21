import type { SchemaReference, SchemaValue } from '../store/schemas-record';

/** What Confluent answers for one subject version; schemaType and references only when set. */
export interface VersionView {
  readonly subject: string;
  readonly id: number;
  readonly version: number;
  readonly schemaType?: string;
  readonly references?: readonly SchemaReference[];
  readonly schema: string;
}

export function versionView(value: SchemaValue): VersionView {
  return {
    subject: value.subject,
    id: value.id,
    version: value.version,
    ...(value.schemaType ? { schemaType: value.schemaType } : {}),
    ...(value.references.length > 0 ? { references: value.references } : {}),
    schema: value.schema,
  };
}
