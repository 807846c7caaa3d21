/**
 * The form two schema texts are compared in to decide "same schema, same id". It keeps
 * everything that can change what a reader does or what a person reads (defaults, aliases,
 * logical types, docs, custom attributes) and drops only what is presentation:
 *  - whitespace and the order of JSON keys;
 *  - `{"type":"string"}` versus `"string"`;
 *  - namespaces: every name is written fully qualified and `namespace` is removed.
 *
 * This is deliberately not Avro's Parsing Canonical Form, which strips defaults and aliases:
 * two schemas that differ only in a default resolve differently, so they must get two ids.
 */
const PRIMITIVES: ReadonlySet<string> = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);
/** Values of `type` inside a schema object that are keywords, never type names to qualify. */
const KEYWORDS = new Set([...PRIMITIVES, ...NAMED, 'array', 'map']);
/** Structural keys first, in the order Avro's own serializer writes them; the rest sorted. */
const KEY_ORDER = ['name', 'type', 'fields', 'symbols', 'items', 'values', 'size'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalAvroForm(schema: unknown): string {
  return JSON.stringify(normalize(schema as Json, ''));
}

function qualify(name: string, namespace: string): string {
  if (PRIMITIVES.has(name) || name.includes('.') || namespace === '') return name;
  return `${namespace}.${name}`;
}

function normalize(schema: Json, namespace: string): Json {
  if (typeof schema === 'string') return qualify(schema, namespace);
  if (Array.isArray(schema)) return schema.map((branch) => normalize(branch, namespace));
  if (schema === null || typeof schema !== 'object') return schema;

  const type = schema['type'];
  const keys = Object.keys(schema);
  if (typeof type === 'string' && PRIMITIVES.has(type) && keys.length === 1) return type;

  let inner = namespace;
  const out: Record<string, Json> = {};
  if (typeof type === 'string' && NAMED.has(type) && typeof schema['name'] === 'string') {
    const name = schema['name'];
    const ownNamespace = typeof schema['namespace'] === 'string' ? schema['namespace'] : namespace;
    const fullName = name.includes('.') ? name : qualify(name, ownNamespace);
    // Names inside a named type resolve against its namespace (Avro spec, "Names").
    inner = fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : '';
    out['name'] = fullName;
    if (Array.isArray(schema['aliases'])) {
      out['aliases'] = schema['aliases'].map((alias) => (typeof alias === 'string' ? qualify(alias, inner) : alias));
    }
  }
  for (const key of keys) {
    if (key === 'namespace' || key in out) continue;
    const value = schema[key];
    if (key === 'type') out[key] = typeof value === 'string' && KEYWORDS.has(value) ? value : normalize(value, namespace);
    else if (key === 'items' || key === 'values') out[key] = normalize(value, inner);
    else if (key === 'fields' && Array.isArray(value)) out[key] = value.map((field) => normalizeField(field, inner));
    else out[key] = value;
  }
  return ordered(out);
}

function normalizeField(field: Json, namespace: string): Json {
  if (field === null || typeof field !== 'object' || Array.isArray(field)) return field;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(field)) {
    // A field's aliases are plain field names, never qualified.
    out[key] = key === 'type' ? normalize(value, namespace) : value;
  }
  return ordered(out);
}

function ordered(object: Record<string, Json>): Record<string, Json> {
  const rank = (key: string) => {
    const index = KEY_ORDER.indexOf(key);
    return index === -1 ? KEY_ORDER.length : index;
  };
  const keys = Object.keys(object).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, Json> = {};
  for (const key of keys) out[key] = object[key];
  return out;
}
