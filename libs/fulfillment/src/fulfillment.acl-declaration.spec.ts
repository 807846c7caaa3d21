/**
 * The fulfillment worker's entry in libs/contracts application-declarations.ts is what its
 * ACLs are planned from (`eventline acls plan`). This spec reads the same facts from the code
 * (the @OnEvent routes, the EventlineModule options, the runtime's dead-letter naming) so the
 * two cannot drift: a new handler or a renamed group fails here, not as a denied ACL in
 * production.
 */
import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { Application, applicationDeclarations, EventCatalog, type ApplicationDeclarationOptions, type EventType, type Topic } from '@eventline/contracts';
import { EVENTLINE_OPTIONS, type EventlineModuleOptions } from '@eventline/nest';
import { defaultDeadLetterTopic } from '@eventline/runtime';
import { fulfillmentConfig } from './fulfillment.config';
import { FulfillmentModule } from './fulfillment.module';
import { OrderPaidHandler } from './order-paid.handler';

/** What @OnEvent attached to each method (Nest's createDecorator stores it as method metadata). */
function onEventRoutes(handler: abstract new (...args: never[]) => object): Array<{ eventType: EventType; deadLetter?: string | false }> {
  const prototype = handler.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter((fn): fn is object => typeof fn === 'function')
    .flatMap((fn) => Reflect.getMetadataKeys(fn).map((key) => Reflect.getMetadata(key, fn) as unknown))
    .filter((meta): meta is { eventType: EventType; deadLetter?: string | false } => typeof (meta as { eventType?: unknown })?.eventType === 'string');
}

function eventlineOptions(module: DynamicModule): EventlineModuleOptions {
  for (const imported of module.imports ?? []) {
    const provider = ((imported as DynamicModule).providers ?? []).find((p) => typeof p === 'object' && 'provide' in p && p.provide === EVENTLINE_OPTIONS);
    if (provider && 'useValue' in provider) return provider.useValue as EventlineModuleOptions;
  }
  throw new Error('FulfillmentModule imports no EventlineModule');
}

function physical(options: EventlineModuleOptions, topic: Topic): string {
  const names = options.topicNames;
  return (typeof names === 'function' ? names(topic) : names?.[topic]) ?? topic;
}

const declared = (names: ApplicationDeclarationOptions) => {
  const found = applicationDeclarations(names).find((d) => d.application === Application.FulfillmentWorker);
  if (!found) throw new Error('no fulfillment-worker declaration');
  return found;
};

describe('the fulfillment worker’s ACL declaration matches its code', () => {
  const routes = onEventRoutes(OrderPaidHandler);

  it('consumes exactly the events its @OnEvent handlers take', () => {
    expect(routes.map((r) => r.eventType).sort()).toEqual([...declared({}).consumesEvents].sort());
  });

  it.each<[string, Record<string, string>, ApplicationDeclarationOptions]>([
    ['by default', {}, {}],
    ['under a topic prefix and another group id', { EVENTLINE_TOPIC_PREFIX: 'run-7.', FULFILLMENT_GROUP_ID: 'ff-blue' }, { topicPrefix: 'run-7.', groupIds: { fulfillmentWorker: 'ff-blue' } }],
  ])('reads, dead-letters and joins what the module runs %s', (_case, env, names) => {
    const options = eventlineOptions(FulfillmentModule.forRoot(fulfillmentConfig(env)));
    const d = declared(names);
    const sources = [...new Set(routes.map((r) => physical(options, EventCatalog[r.eventType].topic)))];
    // The runtime's rule: the handler's deadLetter, else the group's, else `<source>.dlq`; false = none.
    const deadLetters = routes.flatMap((r) => {
      const dlq = r.deadLetter ?? options.consumer?.deadLetter;
      return dlq === false ? [] : [dlq ?? defaultDeadLetterTopic(physical(options, EventCatalog[r.eventType].topic))];
    });
    expect({
      clientId: options.clientId,
      group: options.consumer?.groupId,
      reads: sources,
      deadLetters: [...new Set(deadLetters)],
    }).toEqual({
      clientId: d.application,
      group: d.groups[0]?.group.name,
      reads: d.reads.map((t) => t.name),
      deadLetters: d.deadLetters.map((t) => t.name),
    });
  });

  it('declares as published only events its publisher is set up for, on their catalog topics', () => {
    const options = eventlineOptions(FulfillmentModule.forRoot(fulfillmentConfig({})));
    const d = declared({});
    expect(options.publisher?.events).toEqual(expect.arrayContaining([...d.publishesEvents]));
    expect(d.writes.map((t) => t.name)).toEqual([...new Set(d.publishesEvents.map((e) => physical(options, EventCatalog[e].topic)))]);
  });
});
