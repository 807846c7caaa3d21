/** Where generated orders go: the orders service's HTTP API. */
export interface OrderApi {
  placeOrder(order: { customerId: string; email: string; items: Array<{ sku: string; quantity: number; unitPriceMinor: number }>; currency: string }): Promise<string>;
  pay(orderId: string): Promise<void>;
  cancel(orderId: string): Promise<void>;
}

export interface TrafficStats {
  placed: number;
  paid: number;
  cancelled: number;
  invalidEmails: number;
  flakyEmails: number;
  failures: number;
}

/**
 * Demo traffic at a modest, steady rate: each tick places an order; most are paid, a few are
 * cancelled. One order in twenty has an address under `.invalid` (its confirmation email is
 * dead-lettered) and one in ten a `+flaky` address (sent on the third attempt), so the retry
 * and dead-letter paths are visible in the summary.
 */
export class TrafficGenerator {
  readonly stats: TrafficStats = { placed: 0, paid: 0, cancelled: 0, invalidEmails: 0, flakyEmails: 0, failures: 0 };
  private timer?: NodeJS.Timeout;
  private n = 0;
  private inFlight = 0;

  constructor(
    private readonly api: OrderApi,
    private readonly ordersPerSecond: number,
  ) {}

  start(): void {
    const intervalMs = Math.max(10, Math.round(1000 / this.ordersPerSecond));
    this.timer = setInterval(() => {
      // Bounded: a slow API is not flooded with ever more concurrent requests.
      if (this.inFlight < 50) void this.one();
    }, intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async one(): Promise<void> {
    const n = this.n++;
    this.inFlight++;
    try {
      const customer = `customer-${n % 97}`;
      let email = `${customer}@example.com`;
      if (n % 20 === 7) {
        email = `${customer}@mailbox.invalid`;
        this.stats.invalidEmails++;
      } else if (n % 10 === 3) {
        email = `${customer}+flaky@example.com`;
        this.stats.flakyEmails++;
      }
      const orderId = await this.api.placeOrder({
        customerId: customer,
        email,
        items: [{ sku: `SKU-${(n % 12) + 1}`, quantity: (n % 3) + 1, unitPriceMinor: 1_000 + (n % 7) * 250 }],
        currency: 'EUR',
      });
      this.stats.placed++;
      if (n % 15 === 5) {
        await this.api.cancel(orderId);
        this.stats.cancelled++;
      } else {
        await this.api.pay(orderId);
        this.stats.paid++;
      }
    } catch {
      this.stats.failures++;
    } finally {
      this.inFlight--;
    }
  }
}
