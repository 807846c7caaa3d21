import { AccessErrorCode, applyAcls, diffAcls, isAccessError, planAcls, readAcls, type AclEntry, type PlannedAcl } from '@eventline/access';
import { applicationDeclarations, type ApplicationDeclarationOptions } from '@eventline/contracts';
import { CliError, CliErrorCode, badArgument } from '../common/cli.error';
import type { CliContext } from '../common/cli-context';
import { printAclsPlan } from './acls-plan.report';

export interface AclsPlanOptions {
  /** `User:<name>` or application names; empty: every declared principal. */
  readonly principals: readonly string[];
  readonly names: ApplicationDeclarationOptions;
  readonly execute: boolean;
  readonly prune: boolean;
}

/** create / present before --execute; created / present after it; unknown without an authorizer. */
type AclStatus = 'create' | 'created' | 'present' | 'unknown';

export interface AclPlanRow extends PlannedAcl {
  readonly status: AclStatus;
}

export interface AclsPlanResult {
  readonly executed: boolean;
  /** False when the cluster has no authorizer (every status is then `unknown`). */
  readonly authorizer: boolean;
  readonly acls: readonly AclPlanRow[];
  readonly created: number;
  /** With --prune: bindings on the cluster the plan does not contain (of the selected principals, if any). Never deleted. */
  readonly notInPlan?: readonly AclEntry[];
}

function plan(options: AclsPlanOptions): PlannedAcl[] {
  try {
    return planAcls(applicationDeclarations(options.names), { principals: options.principals });
  } catch (err) {
    if (isAccessError(err, AccessErrorCode.UnknownPrincipal) || isAccessError(err, AccessErrorCode.PlanInvalid)) throw badArgument(err.message);
    throw err;
  }
}

function asCliFailure(err: unknown, then: string): unknown {
  if (isAccessError(err, AccessErrorCode.NoAuthorizer)) return new CliError(CliErrorCode.NoAuthorizer, `${err.message}; ${then}`, { cause: err });
  if (isAccessError(err, AccessErrorCode.NotAuthorized)) return new CliError(CliErrorCode.NotAuthorized, err.message, { cause: err });
  return err;
}

/**
 * Plans the ACLs of the declared applications, compares them with the cluster's, and with
 * `execute` creates the missing ones. Never deletes: `prune` only lists what the plan lacks.
 * The plan is made before Kafka is contacted, so a wrong --principal fails without a broker.
 */
export async function runAclsPlan(ctx: CliContext, options: AclsPlanOptions): Promise<AclsPlanResult> {
  const planned = plan(options);
  const admin = await ctx.admin();

  let existing: AclEntry[];
  try {
    existing = await readAcls(admin);
  } catch (err) {
    if (isAccessError(err, AccessErrorCode.NoAuthorizer) && !options.execute) {
      // A dry run still shows what a cluster with an authorizer would need.
      printAclsPlan(ctx.output, { executed: false, authorizer: false, acls: planned.map((e) => ({ ...e, status: 'unknown' })), created: 0 });
      throw asCliFailure(err, 'the plan above is what the cluster would need once authorizer.class.name is set on its brokers');
    }
    throw asCliFailure(err, 'nothing was created; set authorizer.class.name on the brokers first');
  }

  const diff = diffAcls(planned, existing);
  const created = new Set<PlannedAcl>();
  if (options.execute) {
    try {
      for (const entry of (await applyAcls(admin, diff)).created) created.add(entry);
    } catch (err) {
      throw asCliFailure(err, 'nothing was created');
    }
  }
  const missing = new Set<PlannedAcl>(diff.toCreate);
  const selected = new Set(planned.map((e) => e.principal));
  const result: AclsPlanResult = {
    executed: options.execute,
    authorizer: true,
    acls: planned.map((e) => ({ ...e, status: created.has(e) ? 'created' : missing.has(e) ? 'create' : 'present' })),
    created: created.size,
    // With --principal, another principal's ACLs are not this run's business.
    notInPlan: options.prune ? diff.notInPlan.filter((e) => options.principals.length === 0 || selected.has(e.principal)) : undefined,
  };
  printAclsPlan(ctx.output, result);
  return result;
}
