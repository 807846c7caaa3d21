import { applicationDeclarations, type ApplicationDeclaration } from '@eventline/contracts';
import { AccessErrorCode } from '../errors/access.error';
import type { PlannedAcl } from './acl-entry';
import { planAcls } from './plan-acls';

/** `GROUP PREFIXED schema-registry- DELETE`: one planned entry as a table row. */
const row = (e: PlannedAcl) => `${e.resourceType} ${e.patternType} ${e.resourceName} ${e.operation}`;
const rowsFor = (plan: readonly PlannedAcl[], principal: string) => plan.filter((e) => e.principal === principal).map(row);

const bare: ApplicationDeclaration = {
  application: 'orders-service',
  principal: 'User:orders-service',
  consumesEvents: [],
  publishesEvents: [],
  reads: [],
  writes: [],
  deadLetters: [],
  creates: [],
  describesConfigs: [],
  groups: [],
  idempotentProducer: false,
  transactionalIds: [],
};
const literal = (name: string) => ({ name, pattern: 'LITERAL' as const });
const prefixed = (name: string) => ({ name, pattern: 'PREFIXED' as const });

describe('planAcls', () => {
  it.each<[string, Partial<ApplicationDeclaration>, string[]]>([
    ['a consumed topic: READ and DESCRIBE', { reads: [literal('orders')] }, ['TOPIC LITERAL orders READ', 'TOPIC LITERAL orders DESCRIBE']],
    ['a produced topic: WRITE and DESCRIBE', { writes: [literal('orders')] }, ['TOPIC LITERAL orders WRITE', 'TOPIC LITERAL orders DESCRIBE']],
    ['a dead-letter topic: WRITE and DESCRIBE', { deadLetters: [literal('orders.dlq')] }, ['TOPIC LITERAL orders.dlq WRITE', 'TOPIC LITERAL orders.dlq DESCRIBE']],
    ['a topic it creates: CREATE only', { creates: [literal('_schemas')] }, ['TOPIC LITERAL _schemas CREATE']],
    ['topic configs it shows: DESCRIBE_CONFIGS', { describesConfigs: [literal('*')] }, ['TOPIC LITERAL * DESCRIBE_CONFIGS']],
    ['a group it joins: READ and DESCRIBE', { groups: [{ group: literal('billing'), deletes: false }] }, ['GROUP LITERAL billing READ', 'GROUP LITERAL billing DESCRIBE']],
    [
      'a group it deletes: DELETE as well',
      { groups: [{ group: prefixed('eventline-cli-'), deletes: true }] },
      ['GROUP PREFIXED eventline-cli- READ', 'GROUP PREFIXED eventline-cli- DESCRIBE', 'GROUP PREFIXED eventline-cli- DELETE'],
    ],
    ['an idempotent producer: IDEMPOTENT_WRITE on the cluster', { idempotentProducer: true }, ['CLUSTER LITERAL kafka-cluster IDEMPOTENT_WRITE']],
    ['a transactional id: WRITE and DESCRIBE', { transactionalIds: [prefixed('orders-relay-')] }, ['TRANSACTIONAL_ID PREFIXED orders-relay- WRITE', 'TRANSACTIONAL_ID PREFIXED orders-relay- DESCRIBE']],
    [
      'a topic both consumed and dead-lettered to: each operation once',
      { reads: [literal('t')], deadLetters: [literal('t')] },
      ['TOPIC LITERAL t READ', 'TOPIC LITERAL t DESCRIBE', 'TOPIC LITERAL t WRITE'],
    ],
    ['nothing declared: nothing granted', {}, []],
  ])('grants %s', (_use, declared, expected) => {
    expect(planAcls([{ ...bare, ...declared }]).map(row)).toEqual(expected);
  });

  it('grants every entry to the declared principal, ALLOW from any host', () => {
    const plan = planAcls([{ ...bare, reads: [literal('orders')], idempotentProducer: true }]);
    expect(new Set(plan.map((e) => `${e.principal} ${e.permission} ${e.host}`))).toEqual(new Set(['User:orders-service ALLOW *']));
  });

  it('keeps every reason for an entry two uses need', () => {
    const [describe] = planAcls([{ ...bare, reads: [literal('t')], writes: [literal('t')] }]).filter((e) => e.operation === 'DESCRIBE');
    expect(describe.reasons).toEqual(['consumes t (Metadata, ListOffsets, OffsetFetch)', 'produces to t (Metadata)']);
  });

  it('plans the default pipeline', () => {
    const plan = planAcls(applicationDeclarations());
    expect(rowsFor(plan, 'User:orders-service')).toEqual(['TOPIC LITERAL orders WRITE', 'TOPIC LITERAL orders DESCRIBE', 'CLUSTER LITERAL kafka-cluster IDEMPOTENT_WRITE']);
    expect(rowsFor(plan, 'User:fulfillment-worker')).toEqual([
      'TOPIC LITERAL orders READ',
      'TOPIC LITERAL orders DESCRIBE',
      'TOPIC LITERAL shipments WRITE',
      'TOPIC LITERAL shipments DESCRIBE',
      'TOPIC LITERAL orders.dlq WRITE',
      'TOPIC LITERAL orders.dlq DESCRIBE',
      'GROUP LITERAL fulfillment-worker READ',
      'GROUP LITERAL fulfillment-worker DESCRIBE',
      'CLUSTER LITERAL kafka-cluster IDEMPOTENT_WRITE',
    ]);
    expect(rowsFor(plan, 'User:schema-registry')).toEqual([
      'TOPIC LITERAL _schemas READ',
      'TOPIC LITERAL _schemas DESCRIBE',
      'TOPIC LITERAL _schemas WRITE',
      'TOPIC LITERAL _schemas CREATE',
      'GROUP PREFIXED schema-registry- READ',
      'GROUP PREFIXED schema-registry- DESCRIBE',
      'GROUP PREFIXED schema-registry- DELETE',
      'CLUSTER LITERAL kafka-cluster IDEMPOTENT_WRITE',
    ]);
    // Least privilege: no principal may alter the cluster, configs or ACLs, and only the
    // registry, the CLI's and the console's redrive ledgers and the console's audit log create topics.
    expect(plan.filter((e) => ['ALL', 'ALTER', 'ALTER_CONFIGS', 'CLUSTER_ACTION'].includes(e.operation))).toEqual([]);
    expect(new Set(plan.filter((e) => e.operation === 'CREATE').map((e) => e.principal))).toEqual(new Set(['User:schema-registry', 'User:eventline-cli', 'User:eventline-console']));
    expect(rowsFor(plan, 'User:eventline-console')).toEqual(
      expect.arrayContaining(['TOPIC LITERAL _eventline-audit WRITE', 'TOPIC LITERAL _eventline-audit CREATE', 'GROUP PREFIXED eventline-console- DELETE']),
    );
  });

  it.each([
    [['notifications-worker'], ['User:notifications-worker']],
    [['User:eventline-cli', 'orders-service'], ['User:orders-service', 'User:eventline-cli']],
  ])('plans only the principals asked for (%j)', (principals, expected) => {
    expect([...new Set(planAcls(applicationDeclarations(), { principals }).map((e) => e.principal))]).toEqual(expected);
  });

  it('refuses a principal nobody declared, naming the declared ones', () => {
    expect(() => planAcls(applicationDeclarations(), { principals: ['billing'] })).toThrow(
      expect.objectContaining({ code: AccessErrorCode.UnknownPrincipal, message: expect.stringContaining('unknown principal billing; the declared ones are orders-service, fulfillment-worker') }),
    );
  });

  it('refuses declarations that cannot become ACLs, listing every problem', () => {
    const broken: ApplicationDeclaration = {
      ...bare,
      principal: 'orders-service' as `User:${string}`,
      reads: [literal('orders topic')],
      writes: [prefixed('*')],
      groups: [{ group: literal(''), deletes: false }],
    };
    expect(() => planAcls([broken])).toThrow(
      expect.objectContaining({
        code: AccessErrorCode.PlanInvalid,
        message:
          'the application declarations cannot become ACLs: orders-service: principal "orders-service" is not Type:name (e.g. User:orders-service); ' +
          `orders-service: "orders topic" is not a legal topic name (letters, digits, '.', '_', '-'; at most 249); ` +
          'orders-service: "*" is only a wildcard as a LITERAL topic name; orders-service: empty group name',
      }),
    );
  });
});
