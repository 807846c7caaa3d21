import { Body, Catch, Controller, Get, HttpCode, Param, Post, type ArgumentsHost, type ExceptionFilter, HttpException } from '@nestjs/common';
import { InvalidInputError, parseCancellation, parseNewOrder, parsePayment } from './order-input.validator';
import { OrderErrorCode, OrderStateError } from './order-state.error';
import { OrdersService, type OrderView } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  place(@Body() body: unknown): Promise<OrderView> {
    return this.orders.place(parseNewOrder(body));
  }

  @Post(':id/pay')
  @HttpCode(200)
  pay(@Param('id') id: string, @Body() body: unknown): Promise<OrderView> {
    return this.orders.pay(id, parsePayment(body));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() body: unknown): Promise<OrderView> {
    return this.orders.cancel(id, parseCancellation(body));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<OrderView> {
    return this.orders.get(id);
  }
}

/** The part of Express's response this filter uses. */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Errors as `{ error: { code, message, fields? } }` with the status that fits. */
@Catch()
export class OrdersErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof InvalidInputError) {
      response.status(400).json({ error: { code: error.code, message: 'the request body is invalid', fields: error.fields } });
    } else if (error instanceof OrderStateError) {
      response.status(error.code === OrderErrorCode.NotFound ? 404 : 409).json({ error: { code: error.code, message: error.message } });
    } else if (error instanceof HttpException) {
      // Body parser errors: malformed JSON (400), body over the limit (413).
      const status = error.getStatus();
      response.status(status).json({ error: { code: status === 413 ? 'ORDERS_BODY_TOO_LARGE' : 'ORDERS_BAD_REQUEST', message: error.message } });
    } else {
      const status = (error as { status?: number; type?: string }).type === 'entity.too.large' ? 413 : 500;
      response.status(status).json({ error: { code: status === 413 ? 'ORDERS_BODY_TOO_LARGE' : 'ORDERS_INTERNAL', message: status === 413 ? 'request body too large' : 'internal error' } });
    }
  }
}
