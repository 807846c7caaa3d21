/** The scenarios of issue 8: what each one does and promises, and how to run it. */
export interface ScenarioDescription {
  readonly id: string;
  readonly title: string;
  readonly expected: string;
  /** The spec file under libs/reliability/test, or undefined while the scenario cannot run yet. */
  readonly spec?: string;
  /** Why it has not run, for the ones waiting on other work. */
  readonly blockedBy?: string;
  /** What stands in the way of a recorded run, when something does (shown until a run is recorded). */
  readonly lastAttempt?: string;
}

export const SCENARIOS: readonly ScenarioDescription[] = [
  {
    id: 'S1',
    title: 'kill -9 of a consumer process, repeatedly, during a stream',
    expected: 'lost 0, order violations 0, duplicates bounded by the uncommitted window of each kill',
    spec: 'consumer-kill-loses-nothing.int-spec.ts',
  },
  {
    id: 'S2',
    title: 'scale 1 → 3 → 1 consumer processes under load, then random start/stop every 0–500 ms',
    expected: 'lost 0, order violations 0, duplicates < 1 %',
    spec: 'scaling-churn-loses-nothing.int-spec.ts',
  },
  {
    id: 'S3',
    title: 'handlers slower than the session timeout',
    expected: 'no rebalance after the group formed, lost 0, duplicates 0',
    spec: 'slow-handler-no-rebalance-storm.int-spec.ts',
  },
  {
    id: 'S4',
    title: '3 brokers (replication 3, min.insync 2): leader kill -9 and a broker SIGSTOPped during a stream, then 2 of 3 brokers down, then back',
    expected: 'no ack while 2 brokers are down, throughput back within 60 s of the restart, every acked event consumed, 0 duplicate ids in the topic',
    spec: 'broker-failures-no-false-ack.int-spec.ts',
  },
  {
    id: 'S5',
    title: 'poison on one partition among good records',
    expected: 'random bytes, unknown schema id and an always-failing handler in the DLQ after the configured attempts, bytes and headers intact; a fail-twice record processed; lag 0 within 30 s; no restart loop',
    spec: 'poison-partition-recovers.int-spec.ts',
  },
  {
    id: 'S6',
    title: 'schema registry unreachable mid-stream',
    expected:
      'records with cached schema ids keep flowing; records with a new schema id wait and retry past the route’s attempts, never dead-lettered; nothing lost once it is back. (The orders service answering 503 meanwhile: libs/orders/test/registry-unreachable-answers-503.int-spec.ts)',
    spec: 'registry-outage-waits.int-spec.ts',
  },
  {
    id: 'S7',
    title: 'orders service killed -9 between its database commit and the publish, and Kafka down for 20 s',
    expected: 'every committed order’s events arrive, in order per order; downstream effects happen once per ce_id',
    spec: 'apps/pipeline/test/reliability/outbox-kill-and-kafka-outage.int-spec.ts',
  },
  {
    id: 'S8',
    title: 'replay the same range twice and redrive the dead letters twice',
    expected: 'downstream effects (shipments, emails) identical to a single pass',
    spec: 'apps/pipeline/test/reliability/replay-redrive-twice-same-effects.int-spec.ts',
  },
  {
    id: 'SEC1',
    title: 'security: bad credentials, certificates and protocols against the secure broker (SASL_SSL SCRAM, mTLS) and a registry with a users file',
    expected:
      'each case refused at start with one line naming the cause and the setting; a worker, the registry and the CLI exit 1 by themselves; 0 occurrences of any password, passphrase or token in any output',
    spec: 'apps/pipeline/test/security/bad-credentials-refused-in-one-line.int-spec.ts',
  },
  {
    id: 'SEC2',
    title: 'security: a missing ACL (publisher WRITE, dead-letter WRITE, group READ) on the secure broker, then granted',
    expected: 'the work it guards waits or stops with the resource and the operation named, nothing committed past an unprocessed record; once granted every acknowledged event processed once, none skipped',
    spec: 'apps/pipeline/test/security/missing-acls-wait-and-lose-nothing.int-spec.ts',
  },
];
