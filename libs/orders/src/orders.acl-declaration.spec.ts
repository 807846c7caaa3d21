/**
 * The orders service's entry in libs/contracts application-declarations.ts is what its ACLs
 * are planned from (`eventline acls plan`). This spec reads the same facts from the code (the
 * events the outbox relay publishes, the EventlineModule options) so the two cannot drift.
 */
import type { DynamicModule } from '@nestjs/common';
import { Application, applicationDeclarations, EventCatalog, type ApplicationDeclarationOptions, type Topic } from '@eventline/contracts';
import { EVENTLINE_OPTIONS, type EventlineModuleOptions } from '@eventline/nest';
import { readOrdersServiceConfig } from './config/orders-service.config';
import { OrdersAppModule, PUBLISHED_EVENTS } from './orders-app.module';

function eventlineOptions(module: DynamicModule): EventlineModuleOptions {
  for (const imported of module.imports ?? []) {
    const provider = ((imported as DynamicModule).providers ?? []).find((p) => typeof p === 'object' && 'provide' in p && p.provide === EVENTLINE_OPTIONS);
    if (provider && 'useValue' in provider) return provider.useValue as EventlineModuleOptions;
  }
  throw new Error('OrdersAppModule imports no EventlineModule');
}

function physical(options: EventlineModuleOptions, topic: Topic): string {
  const names = options.topicNames;
  return (typeof names === 'function' ? names(topic) : names?.[topic]) ?? topic;
}

const declared = (names: ApplicationDeclarationOptions) => {
  const found = applicationDeclarations(names).find((d) => d.application === Application.OrdersService);
  if (!found) throw new Error('no orders-service declaration');
  return found;
};

describe('the orders service’s ACL declaration matches its code', () => {
  it.each<[string, Record<string, string>, ApplicationDeclarationOptions]>([
    ['by default', {}, {}],
    ['under a topic prefix', { EVENTLINE_TOPIC_PREFIX: 'run-7.' }, { topicPrefix: 'run-7.' }],
  ])('publishes the declared events to the declared topics, and consumes nothing, %s', (_case, env, names) => {
    const options = eventlineOptions(OrdersAppModule.forRoot(readOrdersServiceConfig(env)));
    const d = declared(names);
    expect({
      clientId: options.clientId,
      publishes: options.publisher?.events,
      writes: [...new Set(PUBLISHED_EVENTS.map((e) => physical(options, EventCatalog[e].topic)))],
      consumer: options.consumer,
    }).toEqual({ clientId: d.application, publishes: d.publishesEvents, writes: d.writes.map((t) => t.name), consumer: undefined });
    expect([d.reads, d.groups, d.deadLetters]).toEqual([[], [], []]);
  });
});
