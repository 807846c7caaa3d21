import { EventCatalog, type EventType } from './event-catalog';
import { TOPIC_DECLARATIONS } from './topic-declarations';

/** Every program that talks to Kafka; each runs as its own principal, `User:<name>`. */
export const Application = {
  OrdersService: 'orders-service',
  FulfillmentWorker: 'fulfillment-worker',
  NotificationsWorker: 'notifications-worker',
  SchemaRegistry: 'schema-registry',
  EventlineCli: 'eventline-cli',
  EventlineConsole: 'eventline-console',
} as const;
export type Application = (typeof Application)[keyof typeof Application];

/** One name, or every name that starts with it (Kafka's LITERAL and PREFIXED resource patterns). */
export const NamePattern = { Literal: 'LITERAL', Prefixed: 'PREFIXED' } as const;
export type NamePattern = (typeof NamePattern)[keyof typeof NamePattern];

export interface ResourceName {
  readonly name: string;
  readonly pattern: NamePattern;
}

export interface GroupUse {
  readonly group: ResourceName;
  /** The app deletes its group itself (per-process and throwaway groups that never commit). */
  readonly deletes: boolean;
}

/**
 * What one application does with Kafka, in the application's terms. Which Kafka operations
 * that needs is decided once, by `planAcls` in libs/access; nothing here names an operation.
 */
export interface ApplicationDeclaration {
  readonly application: Application;
  readonly principal: `User:${string}`;
  /** Catalog events its @OnEvent handlers take; `reads` holds their physical topics. */
  readonly consumesEvents: readonly EventType[];
  /** Catalog events it publishes; `writes` holds their physical topics. */
  readonly publishesEvents: readonly EventType[];
  readonly reads: readonly ResourceName[];
  readonly writes: readonly ResourceName[];
  /** Where its consumers dead-letter records: `<source topic>.dlq` unless a handler says otherwise. */
  readonly deadLetters: readonly ResourceName[];
  /** Topics it creates itself when they are missing. */
  readonly creates: readonly ResourceName[];
  /** Topics whose configuration it reads (retention, cleanup policy). */
  readonly describesConfigs: readonly ResourceName[];
  readonly groups: readonly GroupUse[];
  /** kafkajs producers created with `idempotent: true` (every producer in Eventline is). */
  readonly idempotentProducer: boolean;
  readonly transactionalIds: readonly ResourceName[];
}

/** The names the apps read from their environment; each option says which variable. */
export interface ApplicationDeclarationOptions {
  /** `EVENTLINE_TOPIC_PREFIX`: physical topic = prefix + catalog topic. Default ''. */
  readonly topicPrefix?: string;
  /** `FULFILLMENT_GROUP_ID` / `NOTIFICATIONS_GROUP_ID`; default: the app's name. */
  readonly groupIds?: { readonly fulfillmentWorker?: string; readonly notificationsWorker?: string };
  /** `SCHEMA_REGISTRY_TOPIC`. Not prefixed: one registry serves every environment of a cluster. */
  readonly schemasTopic?: string;
}

/** The orders service's outbox relay publishes these (libs/orders PUBLISHED_EVENTS). */
const ORDERS_SERVICE_PUBLISHES = ['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid', 'dev.eventline.orders.OrderCancelled'] as const;
const FULFILLMENT_CONSUMES = ['dev.eventline.orders.OrderPaid'] as const;
const FULFILLMENT_PUBLISHES = ['dev.eventline.shipments.ShipmentScheduled'] as const;
const NOTIFICATIONS_CONSUMES = ['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderCancelled', 'dev.eventline.shipments.ShipmentScheduled'] as const;

export const DEFAULT_SCHEMAS_TOPIC = '_schemas';
/**
 * The registry's reader joins `schema-registry-<host>-<pid>-<random>` (a fresh group per
 * process, never committed: every start rereads the log), so only a prefix can name it.
 */
export const SCHEMA_REGISTRY_GROUP_PREFIX = 'schema-registry-';
/** The CLI reads through throwaway groups `eventline-cli-<uuid>` (libs/ops/src/read/topic-reader.ts). */
export const CLI_READER_GROUP_PREFIX = 'eventline-cli-';
/** The console reads through throwaway groups `eventline-console-<uuid>` (libs/ops/src/read/reader-group-prefix.ts, set by libs/console/src/app/console-kafka.ts). */
export const CONSOLE_READER_GROUP_PREFIX = 'eventline-console-';
/** The console's append-only audit log (libs/console: CONSOLE_AUDIT_TOPIC; not prefixed, like `_schemas`: one per cluster). */
export const CONSOLE_AUDIT_TOPIC = '_eventline-audit';
/** The runtime's default dead-letter topic (libs/runtime defaultDeadLetterTopic; the workers' specs check the two agree). */
const DEAD_LETTER_SUFFIX = '.dlq';
/** The CLI's redrive ledger beside each dead-letter topic (libs/ops/src/dead-letters/redrive-ledger.ts). */
const REDRIVE_LEDGER_SUFFIX = '.redriven';

const literal = (name: string): ResourceName => ({ name, pattern: NamePattern.Literal });
const prefixed = (name: string): ResourceName => ({ name, pattern: NamePattern.Prefixed });

function distinct(names: readonly ResourceName[]): ResourceName[] {
  const seen = new Map(names.map((n) => [`${n.pattern}:${n.name}`, n]));
  return [...seen.values()];
}

const NONE = {
  consumesEvents: [],
  publishesEvents: [],
  reads: [],
  writes: [],
  deadLetters: [],
  creates: [],
  describesConfigs: [],
  groups: [],
  transactionalIds: [],
} as const;

/**
 * The one list of Eventline's principals and what each touches, under the names the apps
 * would use with the same environment. Transactional ids: none yet (no app uses Kafka
 * transactions; the outbox gives the orders service its atomicity).
 *
 * Topic provisioning is an operator step, not an app's: the workers only check at boot that
 * their topics exist (libs/nest topic.preflight.ts) and `npm start`'s launcher creates them
 * with an admin identity (provisionTopics). So no pipeline app may create topics; the
 * registry, which owns its single compacted topic and creates it when missing, may create
 * exactly that one.
 */
export function applicationDeclarations(options: ApplicationDeclarationOptions = {}): readonly ApplicationDeclaration[] {
  const prefix = options.topicPrefix ?? '';
  const topicOf = (type: EventType) => literal(`${prefix}${EventCatalog[type].topic}`);
  const topicsOf = (types: readonly EventType[]) => distinct(types.map(topicOf));
  const deadLettersOf = (types: readonly EventType[]) => topicsOf(types).map((t) => literal(`${t.name}${DEAD_LETTER_SUFFIX}`));
  const fulfillmentGroup = options.groupIds?.fulfillmentWorker ?? Application.FulfillmentWorker;
  const notificationsGroup = options.groupIds?.notificationsWorker ?? Application.NotificationsWorker;
  const schemas = literal(options.schemasTopic ?? DEFAULT_SCHEMAS_TOPIC);
  // Without a prefix, "every topic" is Kafka's wildcard; with one, only this environment's.
  const everyTopic = prefix === '' ? literal('*') : prefixed(prefix);
  const pipelineTopics = TOPIC_DECLARATIONS.map((d) => `${prefix}${d.topic}`);

  return [
    {
      ...NONE,
      application: Application.OrdersService,
      principal: `User:${Application.OrdersService}`,
      publishesEvents: ORDERS_SERVICE_PUBLISHES,
      writes: topicsOf(ORDERS_SERVICE_PUBLISHES),
      idempotentProducer: true,
    },
    {
      ...NONE,
      application: Application.FulfillmentWorker,
      principal: `User:${Application.FulfillmentWorker}`,
      consumesEvents: FULFILLMENT_CONSUMES,
      publishesEvents: FULFILLMENT_PUBLISHES,
      reads: topicsOf(FULFILLMENT_CONSUMES),
      writes: topicsOf(FULFILLMENT_PUBLISHES),
      deadLetters: deadLettersOf(FULFILLMENT_CONSUMES),
      groups: [{ group: literal(fulfillmentGroup), deletes: false }],
      idempotentProducer: true,
    },
    {
      ...NONE,
      application: Application.NotificationsWorker,
      principal: `User:${Application.NotificationsWorker}`,
      consumesEvents: NOTIFICATIONS_CONSUMES,
      reads: topicsOf(NOTIFICATIONS_CONSUMES),
      deadLetters: deadLettersOf(NOTIFICATIONS_CONSUMES),
      groups: [{ group: literal(notificationsGroup), deletes: false }],
      // Publishes nothing, but its dead letters go through an idempotent producer.
      idempotentProducer: true,
    },
    {
      ...NONE,
      application: Application.SchemaRegistry,
      principal: `User:${Application.SchemaRegistry}`,
      reads: [schemas],
      writes: [schemas],
      creates: [schemas],
      groups: [{ group: prefixed(SCHEMA_REGISTRY_GROUP_PREFIX), deletes: true }],
      idempotentProducer: true,
    },
    {
      ...NONE,
      application: Application.EventlineCli,
      principal: `User:${Application.EventlineCli}`,
      // tail, replay and dlq read any topic; `topics describe` shows their configs.
      reads: [everyTopic],
      describesConfigs: [everyTopic],
      // replay and redrive write back into the pipeline's topics and copies named after them
      // (`orders.replay`, `orders.dlq`): a prefix per declared topic, not the wildcard, keeps
      // `_schemas` and `__consumer_offsets` out of reach.
      writes: pipelineTopics.map(prefixed),
      creates: TOPIC_DECLARATIONS.filter((d) => d.deadLetter).map((d) => literal(`${prefix}${d.topic}${DEAD_LETTER_SUFFIX}${REDRIVE_LEDGER_SUFFIX}`)),
      groups: [
        { group: prefixed(CLI_READER_GROUP_PREFIX), deletes: true },
        // `groups describe` and `groups reset` (an offset commit) on the workers' groups.
        { group: literal(fulfillmentGroup), deletes: false },
        { group: literal(notificationsGroup), deletes: false },
      ],
      idempotentProducer: true,
    },
    {
      ...NONE,
      application: Application.EventlineConsole,
      principal: `User:${Application.EventlineConsole}`,
      // The overview, the topic explorer and the dead-letter pages read any topic and show their configs.
      reads: [everyTopic],
      describesConfigs: [everyTopic],
      // Redrive and replay write back into the pipeline's topics (and their `.dlq.redriven`
      // ledgers and replay copies: a prefix per declared topic, as for the CLI); every action
      // and sign-in goes to the audit log, which it creates on first use.
      writes: [...pipelineTopics.map(prefixed), literal(CONSOLE_AUDIT_TOPIC)],
      creates: [
        ...TOPIC_DECLARATIONS.filter((d) => d.deadLetter).map((d) => literal(`${prefix}${d.topic}${DEAD_LETTER_SUFFIX}${REDRIVE_LEDGER_SUFFIX}`)),
        literal(CONSOLE_AUDIT_TOPIC),
      ],
      groups: [
        { group: prefixed(CONSOLE_READER_GROUP_PREFIX), deletes: true },
        // The group pages (describe, lag) and their reset (an offset commit) on the workers' groups.
        { group: literal(fulfillmentGroup), deletes: false },
        { group: literal(notificationsGroup), deletes: false },
      ],
      idempotentProducer: true,
    },
  ];
}
