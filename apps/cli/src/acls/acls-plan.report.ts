import { resourceLabel, type AclEntry } from '@eventline/access';
import type { Column, Output } from '../common/output';
import type { AclPlanRow, AclsPlanResult } from './acls-plan.runner';

const PLAN_COLUMNS: ReadonlyArray<Column<AclPlanRow>> = [
  ['PRINCIPAL', (r) => r.principal],
  ['RESOURCE', (r) => resourceLabel(r)],
  ['PATTERN', (r) => r.patternType],
  ['OPERATION', (r) => r.operation],
  ['STATUS', (r) => r.status],
];

const STRAY_COLUMNS: ReadonlyArray<Column<AclEntry>> = [
  ['PRINCIPAL', (e) => e.principal],
  ['RESOURCE', (e) => resourceLabel(e)],
  ['PATTERN', (e) => e.patternType],
  ['OPERATION', (e) => e.operation],
  ['PERMISSION', (e) => e.permission],
  ['HOST', (e) => e.host],
];

function count(rows: readonly AclPlanRow[], status: AclPlanRow['status']): number {
  return rows.filter((r) => r.status === status).length;
}

function headline(result: AclsPlanResult): string {
  const principals = new Set(result.acls.map((r) => r.principal)).size;
  const size = `${result.acls.length} ACL(s) for ${principals} principal(s)`;
  if (!result.authorizer) return `plan: ${size}; status unknown (the cluster has no authorizer)`;
  if (result.executed) return `applied: ${size}: ${result.created} created, ${count(result.acls, 'present')} already present`;
  return `dry run: ${size}: ${count(result.acls, 'create')} to create, ${count(result.acls, 'present')} present`;
}

function closing(result: AclsPlanResult): string | undefined {
  if (!result.authorizer) return undefined;
  if (result.executed) return result.created > 0 ? 'ACLs created; none deleted' : 'nothing to create; none deleted';
  return count(result.acls, 'create') > 0 ? 'nothing changed; add --execute to create the ACLs marked "create"' : 'nothing changed; the cluster has every planned ACL';
}

/** The plan as a table (or one JSON document), then with --prune what the cluster has beyond it. */
export function printAclsPlan(output: Output, result: AclsPlanResult): void {
  if (output.json) return output.document(result);
  output.line(headline(result));
  output.line();
  output.table(result.acls, PLAN_COLUMNS);
  if (result.notInPlan) {
    output.line();
    output.line(`on the cluster but not in the plan: ${result.notInPlan.length} (listed only: eventline never deletes ACLs; remove them with kafka-acls.sh if they should go)`);
    output.line();
    output.table(result.notInPlan, STRAY_COLUMNS);
  }
  const last = closing(result);
  if (last) {
    output.line();
    output.line(last);
  }
}
