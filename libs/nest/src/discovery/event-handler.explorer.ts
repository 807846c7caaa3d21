import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { OnEventMetadataDecorator } from '../decorators/on-event.decorator';
import type { DiscoveredHandler } from './discovered-handler';

/**
 * Finds every @OnEvent method across all providers of the application. Runs after every
 * provider is instantiated (called from a lifecycle hook), so instances are real.
 */
@Injectable()
export class EventHandlerExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  explore(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    // Controllers may carry handlers too (a thin app may put them there).
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    for (const wrapper of wrappers) {
      const instance = this.usableInstance(wrapper);
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const metadata = this.discovery.getMetadataByDecorator(OnEventMetadataDecorator, wrapper, method);
        if (!metadata) continue;
        const fn = (instance as Record<string, (...args: unknown[]) => unknown>)[method];
        found.push({
          metadata,
          name: `${instance.constructor.name}.${method}`,
          invoke: (payload, context) => fn.call(instance, payload, context),
        });
      }
    }
    return found;
  }

  /**
   * Only singletons: a request- or transient-scoped provider has no one instance to call,
   * and a value/factory provider's instance may not be an object with methods.
   */
  private usableInstance(wrapper: InstanceWrapper): object | undefined {
    const { instance } = wrapper;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) return undefined;
    return instance as object;
  }
}
