import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { WriteReadinessGuard } from '../readiness/write-readiness.guard';
import { parseBody } from '../validation/body-schema';
import { cancelOrderBody } from './cancel-order.dto';
import type { OrderView } from './order.view';
import { OrdersService } from './orders.service';
import { payOrderBody } from './pay-order.dto';
import { placeOrderBody } from './place-order.dto';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(WriteReadinessGuard)
  place(@Body() body: unknown): Promise<OrderView> {
    return this.orders.place(parseBody(placeOrderBody, body));
  }

  @Post(':id/pay')
  @HttpCode(200)
  @UseGuards(WriteReadinessGuard)
  pay(@Param('id') id: string, @Body() body: unknown): Promise<OrderView> {
    return this.orders.pay(id, parseBody(payOrderBody, body));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @UseGuards(WriteReadinessGuard)
  cancel(@Param('id') id: string, @Body() body: unknown): Promise<OrderView> {
    return this.orders.cancel(id, parseBody(cancelOrderBody, body));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<OrderView> {
    return this.orders.get(id);
  }
}
