import { join } from 'node:path';
import { startZipkin, type LocalZipkin } from '@eventline/local-zipkin';
import { tracingEnv, userOtelVariables, type TracedApp } from './tracing-env';
import { zipkinPort } from './zipkin-port';

/** The trace backend of one `npm start -- --tracing` run, and what each app needs to reach it. */
export interface PipelineTracing {
  readonly zipkin: LocalZipkin;
  /** The OTEL_* variables one app gets (the user's own OTEL_* win: see tracingEnv). */
  childEnv(app: TracedApp): Record<string, string>;
  /** The OTEL_* variables found in the user's environment, printed at start. */
  readonly userVariables: readonly string[];
}

/**
 * Starts the local Zipkin on ZIPKIN_PORT (9411), its log beside the apps' logs in
 * .cache/pipeline/logs. The apps' own SDK start (libs/telemetry) reads the variables given.
 */
export async function startPipelineTracing(root: string, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<PipelineTracing> {
  const port = zipkinPort(env);
  const zipkin = await startZipkin({ port, logFile: join(root, '.cache', 'pipeline', 'logs', 'zipkin.log'), log });
  return {
    zipkin,
    childEnv: (app) => tracingEnv(zipkin.spansEndpoint, app, env),
    userVariables: userOtelVariables(env),
  };
}
