import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The console's Prometheus registry: prom-client's process and Node.js metrics under the
 * `eventline_` prefix (as libs/service-kit registers them for the services), and the HTTP
 * answers by status class.
 */
export class ConsoleMetrics {
  readonly registry = new Registry();
  readonly httpResponses = new Counter({
    name: 'eventline_console_http_responses_total',
    help: 'HTTP answers of the console, by method and status class (2xx, 4xx, …)',
    labelNames: ['method', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'eventline_' });
  }
}
