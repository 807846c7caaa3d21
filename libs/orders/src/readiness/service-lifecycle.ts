import { Injectable } from '@nestjs/common';

/** Set when shutdown begins: from then on order changes answer 503 while reads still work. */
@Injectable()
export class ServiceLifecycle {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  beginShutdown(): void {
    this.stopping = true;
  }
}
