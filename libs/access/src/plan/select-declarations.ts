import type { ApplicationDeclaration } from '@eventline/contracts';
import { AccessError, AccessErrorCode } from '../errors/access.error';

/**
 * The declarations of the principals asked for, in declaration order; every one when none
 * is asked for. A name is `User:<name>` or the bare application name. An unknown name is
 * refused (naming the known ones) rather than planning nothing for it.
 */
export function selectDeclarations(declarations: readonly ApplicationDeclaration[], principals: readonly string[] | undefined): readonly ApplicationDeclaration[] {
  if (principals === undefined || principals.length === 0) return declarations;
  const matches = (d: ApplicationDeclaration, name: string) => d.principal === name || d.application === name;
  const unknown = principals.filter((name) => !declarations.some((d) => matches(d, name)));
  if (unknown.length > 0) {
    throw new AccessError(
      AccessErrorCode.UnknownPrincipal,
      `unknown principal ${unknown.join(', ')}; the declared ones are ${declarations.map((d) => d.application).join(', ')}`,
    );
  }
  return declarations.filter((d) => principals.some((name) => matches(d, name)));
}
