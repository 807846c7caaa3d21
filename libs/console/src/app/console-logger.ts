import pino, { type Logger } from 'pino';
import type { ConsoleConfig } from '../config/console-config';

/**
 * The console's log: JSON lines on stdout. Request bodies are never logged (they hold
 * passwords and tokens), and neither are the Cookie and Authorization headers.
 */
export function createConsoleLogger(config: Pick<ConsoleConfig, 'logLevel'>): Logger {
  return pino({
    name: 'console',
    level: config.logLevel,
    redact: { paths: ['password', 'token', '*.password', '*.token', 'req.headers.cookie', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
