import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { RuntimeMetrics } from '@eventline/runtime';
import { OutboxRelay, RelayState } from '../outbox/outbox-relay';

/** The part of Express's request and response the HTTP counter reads. */
interface HttpExchange {
  readonly method: string;
  readonly route?: { readonly path?: string };
  readonly baseUrl?: string;
}
interface HttpResponse {
  readonly statusCode: number;
  once(event: 'finish', listener: () => void): void;
}

/**
 * The service's own metrics, in the same registry as the runtime's (publisher) metrics so
 * /metrics serves both: outbox backlog and relay progress, read at scrape time, and HTTP
 * requests by route template (never the raw URL: order ids would explode the label set).
 */
@Injectable()
export class OrdersMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route'>;

  constructor(metrics: RuntimeMetrics, relay: OutboxRelay) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'eventline_outbox_backlog',
      help: 'Outbox events committed but not yet acknowledged by Kafka.',
      registers,
      async collect() {
        this.set((await relay.backlog()).pending);
      },
    });
    new Gauge({
      name: 'eventline_outbox_oldest_pending_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none waits).',
      registers,
      async collect() {
        this.set((await relay.backlog()).oldestSeconds);
      },
    });
    let published = 0;
    new Counter({
      name: 'eventline_outbox_published_total',
      help: 'Outbox events published and acknowledged by Kafka (re-sends after a crash count again).',
      registers,
      collect() {
        this.inc(relay.status.published - published);
        published = relay.status.published;
      },
    });
    let failed = 0;
    new Counter({
      name: 'eventline_outbox_publish_failures_total',
      help: 'Outbox publishes that failed and stay in the outbox for a later round.',
      registers,
      collect() {
        this.inc(relay.status.failedPublishes - failed);
        failed = relay.status.failedPublishes;
      },
    });
    new Gauge({
      name: 'eventline_outbox_relay_state',
      help: 'The relay state: 1 for the current one.',
      labelNames: ['state'],
      registers,
      collect() {
        for (const state of Object.values(RelayState)) this.set({ state }, relay.status.state === state ? 1 : 0);
      },
    });
    this.requests = new Counter({
      name: 'eventline_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'eventline_http_request_duration_seconds',
      help: 'Time from request to response, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }

  /** Express middleware; installed before the body parser so 413s are counted too. */
  httpMiddleware(): (req: HttpExchange, res: HttpResponse, next: () => void) => void {
    return (req, res, next) => {
      const started = performance.now();
      res.once('finish', () => {
        // Set by Express once a route matched; requests refused earlier (413) have none.
        const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
        this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
        this.durations.observe({ method: req.method, route }, (performance.now() - started) / 1000);
      });
      next();
    };
  }
}
