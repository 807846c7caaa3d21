import type { Admin } from 'kafkajs';
import { OpsContext } from '@eventline/ops';
import type { CliError } from './cli.error';
import type { ConnectionOptions } from './connection-options';
import { fromOpsError } from './ops-error.mapping';
import type { Output } from './output';

/**
 * What a command runs with: the operations library's context (one Kafka client, an admin
 * connected on first use, producers closed at the end, a codec only on demand) and where
 * its results go.
 */
export class CliContext {
  readonly ops: OpsContext;

  constructor(
    readonly connection: ConnectionOptions,
    readonly output: Output,
    readonly now: () => number = Date.now,
  ) {
    this.ops = new OpsContext(connection, { clientId: 'eventline-cli', now });
  }

  admin(): Promise<Admin> {
    return this.ops.admin();
  }

  /**
   * A Kafka failure with a name (credentials, certificate, protocol, missing ACL) as the
   * CLI's one-line error; undefined for anything else.
   */
  explain(err: unknown): CliError | undefined {
    const explained = this.ops.explain(err);
    return explained ? fromOpsError(explained) : undefined;
  }

  close(): Promise<void> {
    return this.ops.close();
  }
}
