import { LocalZipkinError, LocalZipkinErrorCode } from '@eventline/local-zipkin';

/** Zipkin's own default port, where its docs and every exporter's default look. */
export const DEFAULT_ZIPKIN_PORT = 9411;

/** The local Zipkin's port for `npm start -- --tracing`: ZIPKIN_PORT, else 9411. */
export function zipkinPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = (env.ZIPKIN_PORT ?? '').trim();
  if (raw === '') return DEFAULT_ZIPKIN_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) {
    throw new LocalZipkinError(LocalZipkinErrorCode.InvalidOption, `ZIPKIN_PORT=${env.ZIPKIN_PORT}: expected a port from 1 to 65535.`, 'Unset ZIPKIN_PORT for 9411, or name a free port.');
  }
  return port;
}
