import type { OrderApi } from './traffic-generator';

/** The traffic generator's client of the orders service HTTP API. */
export class HttpOrderApi implements OrderApi {
  constructor(private readonly baseUrl: string) {}

  private async post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async placeOrder(order: Parameters<OrderApi['placeOrder']>[0]): Promise<string> {
    const created = await this.post('/orders', {
      customerId: order.customerId,
      email: order.email,
      currency: order.currency,
      lineItems: order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceMinor: i.unitPriceMinor })),
    });
    return String(created.orderId ?? created.id);
  }

  async pay(orderId: string): Promise<void> {
    await this.post(`/orders/${orderId}/pay`, { paymentId: `pay-${orderId}`, method: 'CARD' });
  }

  async cancel(orderId: string): Promise<void> {
    await this.post(`/orders/${orderId}/cancel`, { reason: 'CUSTOMER_REQUEST' });
  }
}
