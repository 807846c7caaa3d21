import { Type, types } from 'avsc';
import { IncompatibilityType, type Incompatibility } from './incompatibility';

/**
 * Can a reader with schema `reader` decode data written with schema `writer`?
 *
 * avsc decides: `reader.createResolver(writer)` is the resolution our consumers run, and it
 * throws exactly when Avro's resolution rules (spec, "Schema Resolution") refuse the pair.
 * Its message does not say where, so a walk over both schemas (the rules of Avro's Java
 * `SchemaCompatibility`, which Confluent's registry runs) names the field and the rule. The
 * walk only explains; it never overrules avsc. If the walk finds nothing, avsc's own message
 * is reported as UNRESOLVABLE.
 *
 * Names are compared without namespaces, like Avro's Java checker (and Confluent): moving a
 * record to another namespace keeps it readable.
 */
export function readerWriterIncompatibilities(reader: Type, writer: Type): Incompatibility[] {
  const refusal = resolutionRefusal(reader, writer);
  if (refusal === undefined) return [];
  const explained = explain(reader, writer, '', new Set());
  return explained.length > 0 ? explained : [{ type: IncompatibilityType.Unresolvable, path: '/', detail: refusal }];
}

function resolutionRefusal(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer, { ignoreNamespaces: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Writer type -> reader types that read it (Avro spec: int promotes to long, float, double...). */
const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

const isUnion = (type: Type) => type.typeName.startsWith('union');
// avsc's typings declare `types` on neither union class, though both have it.
const branchesOf = (union: Type) => (union as Type & { readonly types: readonly Type[] }).types;
const unqualified = (name: string | undefined) => (name ?? '').slice((name ?? '').lastIndexOf('.') + 1);
const describe = (type: Type) => type.name ?? type.typeName;
const at = (path: string) => path || '/';

function underlying(type: Type): Type {
  return type instanceof types.LogicalType ? type.underlyingType : type;
}

function explain(readerType: Type, writerType: Type, path: string, seen: Set<string>): Incompatibility[] {
  const reader = underlying(readerType);
  const writer = underlying(writerType);
  // Recursive records ("a list node has a next node") would walk forever; a pair already being
  // walked adds nothing new.
  if (reader.name !== undefined && writer.name !== undefined) {
    const pair = `${reader.name}|${writer.name}`;
    if (seen.has(pair)) return [];
    seen = new Set(seen).add(pair);
  }

  if (isUnion(writer)) {
    // Every branch the writer may have used must be readable.
    return branchesOf(writer).flatMap((branch) => explain(reader, branch, path, seen));
  }
  if (isUnion(reader)) {
    const branches = branchesOf(reader);
    if (branches.some((branch) => explain(branch, writer, path, seen).length === 0)) return [];
    return [
      {
        type: IncompatibilityType.MissingUnionBranch,
        path: at(path),
        detail: `reader union [${branches.map(describe).join(', ')}] has no branch that reads writer type '${describe(writer)}'`,
      },
    ];
  }
  if (reader.typeName !== writer.typeName) {
    if (PROMOTIONS[writer.typeName]?.includes(reader.typeName)) return [];
    return [
      {
        type: IncompatibilityType.TypeMismatch,
        path: at(path),
        detail: `reader type '${describe(reader)}' cannot read writer type '${describe(writer)}'`,
      },
    ];
  }
  const nameMismatch = checkName(reader, writer, path);
  if (nameMismatch) return [nameMismatch];

  switch (reader.typeName) {
    case 'record':
    case 'error':
      return explainRecord(reader as types.RecordType, writer as types.RecordType, path, seen);
    case 'enum':
      return explainEnum(reader as types.EnumType, writer as types.EnumType, path);
    case 'fixed': {
      const r = reader as types.FixedType;
      const w = writer as types.FixedType;
      if (r.size === w.size) return [];
      return [
        {
          type: IncompatibilityType.FixedSizeMismatch,
          path: `${path}/size`,
          detail: `fixed '${describe(r)}' has size ${r.size}, the writer's has size ${w.size}`,
        },
      ];
    }
    case 'array':
      return explain((reader as types.ArrayType).itemsType, (writer as types.ArrayType).itemsType, `${path}/items`, seen);
    case 'map':
      return explain((reader as types.MapType).valuesType, (writer as types.MapType).valuesType, `${path}/values`, seen);
    default:
      return [];
  }
}

function checkName(reader: Type, writer: Type, path: string): Incompatibility | undefined {
  if (reader.name === undefined || writer.name === undefined) return undefined;
  const accepted = [reader.name, ...(reader.aliases ?? [])].map(unqualified);
  if (accepted.includes(unqualified(writer.name))) return undefined;
  return {
    type: IncompatibilityType.NameMismatch,
    path: `${path}/name`,
    detail: `reader ${reader.typeName} '${reader.name}' does not match writer name '${writer.name}' (and has no such alias)`,
  };
}

function explainRecord(reader: types.RecordType, writer: types.RecordType, path: string, seen: Set<string>): Incompatibility[] {
  const found: Incompatibility[] = [];
  for (const field of reader.fields) {
    const fieldPath = `${path}/fields/${field.name}`;
    const writerField =
      writer.fields.find((candidate) => candidate.name === field.name) ??
      writer.fields.find((candidate) => field.aliases.includes(candidate.name));
    if (writerField) {
      found.push(...explain(field.type, writerField.type, fieldPath, seen));
    } else if (field.defaultValue() === undefined) {
      found.push({
        type: IncompatibilityType.ReaderFieldMissingDefaultValue,
        path: fieldPath,
        detail: `field '${field.name}' has no default and the writer's '${describe(writer)}' has no such field`,
      });
    }
  }
  return found;
}

function explainEnum(reader: types.EnumType, writer: types.EnumType, path: string): Incompatibility[] {
  const missing = writer.symbols.filter((symbol) => !reader.symbols.includes(symbol));
  // An enum default (Avro 1.9+) is what a reader substitutes for a symbol it does not know.
  const readerDefault = (reader as types.EnumType & { default?: string }).default;
  if (missing.length === 0 || readerDefault !== undefined) return [];
  return [
    {
      type: IncompatibilityType.MissingEnumSymbols,
      path: `${path}/symbols`,
      detail: `enum '${describe(reader)}' lacks writer symbols [${missing.join(', ')}] and has no default`,
    },
  ];
}
