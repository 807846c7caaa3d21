import { Application, applicationDeclarations, type ApplicationDeclaration, type ResourceName } from './application-declarations';
import { EventCatalog } from './event-catalog';
import { TOPIC_DECLARATIONS } from './topic-declarations';

const names = (resources: readonly ResourceName[]) => resources.map((r) => (r.pattern === 'PREFIXED' ? `${r.name}*` : r.name));
const of = (declarations: readonly ApplicationDeclaration[], application: Application) => {
  const found = declarations.find((d) => d.application === application);
  if (!found) throw new Error(`no declaration for ${application}`);
  return found;
};

describe('applicationDeclarations', () => {
  const defaults = applicationDeclarations();

  it('declares one principal per application, named User:<application>', () => {
    expect(defaults.map((d) => d.principal)).toEqual([
      'User:orders-service',
      'User:fulfillment-worker',
      'User:notifications-worker',
      'User:schema-registry',
      'User:eventline-cli',
      'User:eventline-console',
    ]);
    expect(defaults.map((d) => d.application)).toEqual(Object.values(Application));
  });

  it.each([
    // application, reads, writes, dead letters, creates, groups
    [Application.OrdersService, [], ['orders'], [], [], []],
    [Application.FulfillmentWorker, ['orders'], ['shipments'], ['orders.dlq'], [], ['fulfillment-worker']],
    [Application.NotificationsWorker, ['orders', 'shipments'], [], ['orders.dlq', 'shipments.dlq'], [], ['notifications-worker']],
    [Application.SchemaRegistry, ['_schemas'], ['_schemas'], [], ['_schemas'], ['schema-registry-*']],
    [
      Application.EventlineCli,
      ['*'],
      ['orders*', 'shipments*'],
      [],
      ['orders.dlq.redriven', 'shipments.dlq.redriven'],
      ['eventline-cli-*', 'fulfillment-worker', 'notifications-worker'],
    ],
    [
      Application.EventlineConsole,
      ['*'],
      ['orders*', 'shipments*', '_eventline-audit'],
      [],
      ['orders.dlq.redriven', 'shipments.dlq.redriven', '_eventline-audit'],
      ['eventline-console-*', 'fulfillment-worker', 'notifications-worker'],
    ],
  ])('%s reads %j, writes %j, dead-letters to %j, creates %j, joins %j', (application, reads, writes, deadLetters, creates, groups) => {
    const d = of(defaults, application);
    expect({
      reads: names(d.reads),
      writes: names(d.writes),
      deadLetters: names(d.deadLetters),
      creates: names(d.creates),
      groups: names(d.groups.map((g) => g.group)),
    }).toEqual({ reads, writes, deadLetters, creates, groups });
  });

  it('puts the topic prefix in front of every pipeline topic, and limits the CLI to that environment', () => {
    const run = applicationDeclarations({ topicPrefix: 'run-7.' });
    expect(names(of(run, Application.NotificationsWorker).reads)).toEqual(['run-7.orders', 'run-7.shipments']);
    expect(names(of(run, Application.NotificationsWorker).deadLetters)).toEqual(['run-7.orders.dlq', 'run-7.shipments.dlq']);
    expect(names(of(run, Application.EventlineCli).reads)).toEqual(['run-7.*']);
    expect(names(of(run, Application.EventlineCli).creates)).toContain('run-7.orders.dlq.redriven');
    // The registry's topic and the apps' groups are not topic names: the prefix leaves them alone.
    expect(names(of(run, Application.SchemaRegistry).reads)).toEqual(['_schemas']);
    expect(names(of(run, Application.FulfillmentWorker).groups.map((g) => g.group))).toEqual(['fulfillment-worker']);
  });

  it('takes the group ids and the registry topic the apps read from their environment', () => {
    const custom = applicationDeclarations({ groupIds: { fulfillmentWorker: 'ff-blue', notificationsWorker: 'nt-blue' }, schemasTopic: 'team._schemas' });
    expect(names(of(custom, Application.FulfillmentWorker).groups.map((g) => g.group))).toEqual(['ff-blue']);
    expect(names(of(custom, Application.NotificationsWorker).groups.map((g) => g.group))).toEqual(['nt-blue']);
    expect(names(of(custom, Application.EventlineCli).groups.map((g) => g.group))).toEqual(['eventline-cli-*', 'ff-blue', 'nt-blue']);
    expect(names(of(custom, Application.SchemaRegistry).writes)).toEqual(['team._schemas']);
  });

  it.each(defaults.map((d) => [d.application, d] as const))('%s reads and writes exactly the catalog topics of its events', (_application, d) => {
    if (d.consumesEvents.length > 0) expect(names(d.reads)).toEqual([...new Set(d.consumesEvents.map((t) => EventCatalog[t].topic))]);
    if (d.publishesEvents.length > 0) expect(names(d.writes)).toEqual([...new Set(d.publishesEvents.map((t) => EventCatalog[t].topic))]);
  });

  it('dead-letters only to topics the provisioner creates', () => {
    const provisioned = TOPIC_DECLARATIONS.filter((t) => t.deadLetter).map((t) => `${t.topic}.dlq`);
    for (const d of defaults) for (const dlq of names(d.deadLetters)) expect(provisioned).toContain(dlq);
  });

  it('no pipeline app creates topics or uses transactions: provisioning is an operator step', () => {
    const pipeline = [Application.OrdersService, Application.FulfillmentWorker, Application.NotificationsWorker];
    for (const application of pipeline) expect(of(defaults, application).creates).toEqual([]);
    for (const d of defaults) expect(d.transactionalIds).toEqual([]);
  });
});
