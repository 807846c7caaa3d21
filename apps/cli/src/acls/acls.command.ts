import { Command } from 'commander';
import { withContext } from '../common/command-action';
import { aclDeclarationOptions } from './acl-declaration.options';
import { runAclsPlan } from './acls-plan.runner';

interface PlanFlags {
  readonly principal?: string[];
  readonly prefix?: string;
  readonly execute?: boolean;
  readonly prune?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export function aclsCommand(): Command {
  const acls = new Command('acls').description('least-privilege Kafka ACLs for every Eventline application, derived from what the code declares');

  acls
    .command('plan')
    .description('the ACLs each application needs, compared with the cluster’s (dry run unless --execute); never deletes')
    .option('--principal <name>', 'only this principal: an application name or User:<name>; repeat (or comma-separate) for more', collect)
    .option('--prefix <topicPrefix>', 'the apps’ topic prefix (env EVENTLINE_TOPIC_PREFIX, default none)')
    .option('--execute', 'create the ACLs marked "create" (needs ALTER on the cluster, e.g. a super user)')
    .option('--prune', 'also list the ACLs on the cluster that the plan does not contain (listed only, never deleted)')
    .addHelpText(
      'after',
      `
Principals (User:<name>), from libs/contracts/src/catalog/application-declarations.ts:
  orders-service        produces orders
  fulfillment-worker    consumes orders (group fulfillment-worker), produces shipments, dead-letters orders.dlq
  notifications-worker  consumes orders, shipments (group notifications-worker), dead-letters orders.dlq, shipments.dlq
  schema-registry       reads, writes and creates _schemas; per-process groups schema-registry-*
  eventline-cli         reads every topic, writes the pipeline's topics and their copies,
                        creates redrive ledgers, throwaway groups eventline-cli-*, the workers' groups

Names follow the apps' environment: EVENTLINE_TOPIC_PREFIX (or --prefix), FULFILLMENT_GROUP_ID,
NOTIFICATIONS_GROUP_ID, SCHEMA_REGISTRY_TOPIC. Topics are created by the operator, not the apps:
no pipeline app gets CREATE.

STATUS: create (missing), present, created (by this --execute), unknown (no authorizer).
Reading ACLs needs DESCRIBE on the cluster, creating them ALTER. A cluster without an
authorizer cannot have ACLs: the dry run still prints the plan (status unknown), then one line
on stderr, exit 3.

Examples:
  eventline acls plan                                        # dry run, every principal
  eventline acls plan --principal fulfillment-worker --json
  eventline acls plan --prefix staging. --execute
  eventline acls plan --execute                              # again: 0 created
  eventline acls plan --prune                                # ACLs the plan does not contain`,
    )
    .action((flags: PlanFlags, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        await runAclsPlan(ctx, {
          principals: flags.principal ?? [],
          names: aclDeclarationOptions(flags),
          execute: flags.execute === true,
          prune: flags.prune === true,
        });
      }),
    );
  return acls;
}
