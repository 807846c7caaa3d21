import avro from 'avsc';
import type {
  AvroEnumSchema,
  AvroEventSchema,
  AvroFieldSchema,
  AvroRecordSchema,
  AvroTypeSchema,
} from '../src/avro/avro-schema.types';
import type { SchemaFile } from './schema-files';

/**
 * Avro → TypeScript, matching how `@eventline/codec` decodes (see its avro-type options):
 *
 *   long                      → bigint  (Avro long is 64-bit; a JS number silently rounds past 2^53)
 *   long + logicalType        → number  (timestamp-millis etc.: epoch ms stay far below 2^53)
 *   int, float, double        → number
 *   bytes, fixed              → Buffer
 *   enum                      → union of its symbols
 *   ["null", T]               → T | null (the only unions we allow: others decode ambiguously)
 *   array / map               → readonly T[] / Readonly<Record<string, T>>
 *
 * Records become interfaces with readonly fields; the schema itself is emitted as an
 * `as const` object so the catalog and codec use exactly what the types were made from.
 */
export interface RenderedModule {
  readonly fileName: string;
  readonly moduleName: string;
  readonly content: string;
  readonly exportedNames: readonly string[];
}

const PRIMITIVES: Record<string, string> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'bigint',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

export function renderSchemaModule(file: SchemaFile): RenderedModule {
  const { schema, relativePath } = file;
  assertValidAvro(schema, relativePath);
  const declarations: string[] = [];
  const named = new Map<string, string>();
  const ctx = { where: relativePath, declarations, named, namespace: schema.namespace };
  declareRecord(schema, ctx);
  const schemaConst = `${schema.name}Schema`;
  const moduleName = kebab(schema.name);
  const content = [
    `// Generated from ${relativePath} by libs/contracts/tools/generate-types.ts.`,
    '// Do not edit: change the .avsc, then run `npx nx run contracts:generate`.',
    "import type { AvroEventSchema } from '../avro/avro-schema.types';",
    '',
    ...declarations,
    `/** The Avro schema of {@link ${schema.name}}, exactly as in ${relativePath}. */`,
    `export const ${schemaConst} = ${JSON.stringify(schema, null, 2)} as const satisfies AvroEventSchema;`,
    '',
  ].join('\n');
  return { fileName: `${moduleName}.ts`, moduleName, content, exportedNames: [...named.values(), schemaConst] };
}

interface RenderContext {
  readonly where: string;
  readonly declarations: string[];
  readonly named: Map<string, string>;
  readonly namespace: string;
}

function declareRecord(record: AvroRecordSchema, ctx: RenderContext): string {
  const tsName = claimName(record.name, record.namespace, ctx);
  // Field types are rendered before the interface is pushed so that nested declarations
  // follow their parent in reading order but the parent is complete when pushed.
  const slot = ctx.declarations.push('') - 1;
  const fields = record.fields.map((field) => renderField(field, `${record.name}.${field.name}`, ctx));
  ctx.declarations[slot] = [...docLines(record.doc, ''), `export interface ${tsName} {`, ...fields, '}', ''].join('\n');
  return tsName;
}

function renderField(field: AvroFieldSchema, path: string, ctx: RenderContext): string {
  if (!field.doc) throw new Error(`${ctx.where}: field ${path} has no "doc"; every field must say what it means`);
  return [...docLines(field.doc, '  '), `  readonly ${field.name}: ${renderType(field.type, path, ctx)};`].join('\n');
}

function renderType(type: AvroTypeSchema, path: string, ctx: RenderContext): string {
  if (typeof type === 'string') {
    const primitive = PRIMITIVES[type];
    if (primitive) return primitive;
    const ref = ctx.named.get(qualify(type, ctx.namespace));
    if (!ref) throw new Error(`${ctx.where}: ${path} refers to ${type}, which this file does not define`);
    return ref;
  }
  if (Array.isArray(type)) return renderUnion(type, path, ctx);
  const schema = type as Exclude<AvroTypeSchema, string | readonly AvroTypeSchema[]>;
  switch (schema.type) {
    case 'record':
      return declareRecord(schema, ctx);
    case 'enum':
      return declareEnum(schema, ctx);
    case 'array': {
      const items = renderType(schema.items, `${path}[]`, ctx);
      return items.includes('|') ? `readonly (${items})[]` : `readonly ${items}[]`;
    }
    case 'map':
      return `Readonly<Record<string, ${renderType(schema.values, `${path}{}`, ctx)}>>`;
    case 'fixed':
      claimName(schema.name, schema.namespace, ctx);
      return 'Buffer';
    default:
      if (schema.type === 'long' && schema.logicalType) return 'number';
      return renderType(schema.type, path, ctx);
  }
}

function renderUnion(branches: readonly AvroTypeSchema[], path: string, ctx: RenderContext): string {
  const nonNull = branches.filter((b) => b !== 'null');
  if (branches.length !== 2 || nonNull.length !== 1) {
    throw new Error(`${ctx.where}: ${path} is a union other than ["null", T]; only optional values are supported`);
  }
  return `${renderType(nonNull[0], path, ctx)} | null`;
}

function declareEnum(schema: AvroEnumSchema, ctx: RenderContext): string {
  const tsName = claimName(schema.name, schema.namespace, ctx);
  const symbols = schema.symbols.map((s) => `'${s}'`).join(' | ');
  ctx.declarations.push([...docLines(schema.doc, ''), `export type ${tsName} = ${symbols};`, ''].join('\n'));
  return tsName;
}

function claimName(name: string, namespace: string | undefined, ctx: RenderContext): string {
  const fullName = qualify(name, namespace ?? ctx.namespace);
  if (ctx.named.has(fullName)) throw new Error(`${ctx.where}: ${fullName} is defined twice`);
  const tsName = name.slice(name.lastIndexOf('.') + 1);
  ctx.named.set(fullName, tsName);
  return tsName;
}

function qualify(name: string, namespace: string): string {
  return name.includes('.') ? name : `${namespace}.${name}`;
}

function docLines(doc: string | undefined, indent: string): string[] {
  return doc ? [`${indent}/** ${doc.replace(/\*\//g, '*\\/')} */`] : [];
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Reject what avsc would reject, with the file named, before generating anything from it. */
function assertValidAvro(schema: AvroEventSchema, where: string): void {
  try {
    avro.Type.forSchema(schema as unknown as avro.Schema);
  } catch (err) {
    throw new Error(`${where}: not a valid Avro schema (${(err as Error).message})`, { cause: err });
  }
}
