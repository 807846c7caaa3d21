import type { Type } from 'avsc';

/**
 * Dotted paths of the fields of `value` that do not fit `type`, e.g. `lineItems.1.quantity`,
 * each with the Avro type it should have had. Values are deliberately left out: payloads
 * carry personal data and these messages end up in logs.
 */
export function invalidPaths(type: Type, value: unknown): string[] {
  const paths: string[] = [];
  type.isValid(value, {
    errorHook: (path: string[], _value: unknown, fieldType: Type) => {
      paths.push(`${path.length ? path.join('.') : '(root)'}: expected ${describe(fieldType)}`);
    },
  });
  return paths;
}

function describe(type: Type): string {
  if (type.typeName === 'abstract:long') return 'long (bigint)';
  return type.name ?? type.typeName;
}
