/**
 * The operator console: the web UI and its API over Kafka and the schema registry.
 * Settings: docs/console.md, "Running the console" and "Access".
 *
 *   npx nx serve console
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/console/src/main.ts
 */
import './telemetry';
import 'reflect-metadata';
import { join } from 'node:path';
import { createConsoleApp, readConsoleConfig } from '@eventline/console';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { flushTelemetry } from '@eventline/telemetry';

filterKafkaJsTimeoutWarning();

async function main(): Promise<void> {
  const config = readConsoleConfig(process.env, { defaultWebDir: join(__dirname, '..', 'dist', 'web') });
  const app = await createConsoleApp(config);
  console.log(`console at ${app.url} (sign-in: ${config.auth.mode})`);
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (++signals > 1) process.exit(130);
    app.log.info(`${signal}, stopping`);
    app.close().then(
      () => flushTelemetry().finally(() => process.exit(0)),
      (error: unknown) => {
        console.error(`console: unclean stop: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Configuration and connection errors are written to be read as they are; never a stack.
  const coded = error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
  console.error(coded ? (error as Error).message : `console cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
