/**
 * The console's HTTP API, as the server answers it and the web UI reads it: plain JSON types,
 * no runtime code (the web build imports this file type-only).
 *
 * Conventions:
 * - Offsets, watermarks, lags and counts that come from offsets are decimal strings (a Kafka
 *   offset is a 64-bit integer; JavaScript numbers lose precision above 2^53).
 * - Times are ISO-8601 strings in UTC.
 * - Every error answers `{ error: ApiError }` with an HTTP status (400 bad input, 401 not
 *   signed in, 403 role or CSRF, 404 unknown topic/group/record, 409 refused by the state of
 *   the cluster (active group, already running), 502/503 Kafka or registry unreachable). Never
 *   a stack trace.
 * - State-changing requests (POST/PUT/DELETE) need the session's CSRF token in the
 *   `x-csrf-token` header (from `GET /api/session`), unless authenticated by an
 *   `Authorization: Bearer` token.
 */

export interface ApiError {
  /** Stable machine code, e.g. OPS_GROUP_ACTIVE, OPS_UNKNOWN_TOPIC, FORBIDDEN, CSRF_REJECTED, BAD_REQUEST. */
  readonly code: string;
  /** One human sentence, safe to show as is (no secrets, no stack). */
  readonly message: string;
  /** Structured context: the field that is wrong, the members that block a reset, … */
  readonly detail?: Record<string, unknown>;
}

export type Role = 'viewer' | 'operator';

// ---- session: GET /api/session, POST /api/session, DELETE /api/session ----

export interface SessionInfo {
  /** `anonymous` when access control is off (loopback only). */
  readonly user: string;
  readonly role: Role;
  /** `off` (loopback, npm start), `users` (a users file) or `token` (one shared token). */
  readonly authMode: 'off' | 'users' | 'token';
  /** Send back as `x-csrf-token` on state-changing requests. */
  readonly csrfToken: string;
}

/**
 * POST /api/session: `{ user, password }` with a users file, `{ token }` with a token. A 401
 * from GET /api/session says which in `error.detail.authMode`.
 */
export type LoginRequest = { readonly user: string; readonly password: string } | { readonly token: string };

// ---- overview: GET /api/overview ----

export interface OverviewTopic {
  readonly name: string;
  readonly partitions: number;
  /** Sum over partitions of (latest − earliest): records currently held. */
  readonly records: string;
  readonly deadLetterTopic: boolean;
}

export interface OverviewGroup {
  readonly groupId: string;
  readonly state: string;
  readonly members: number;
  /** Sum of latest − committed over the partitions the group committed for; null when none. */
  readonly totalLag: string | null;
}

export interface CountSample {
  readonly at: string;
  readonly count: string;
}

export interface OverviewDeadLetters {
  readonly topic: string;
  /** The topic the dead letters came from (`<topic>.dlq` → `<topic>`). */
  readonly sourceTopic: string;
  readonly count: string;
  /** Samples the console took while it ran (oldest first), for the trend. */
  readonly trend: readonly CountSample[];
}

export interface Overview {
  readonly asOf: string;
  readonly topics: readonly OverviewTopic[];
  readonly groups: readonly OverviewGroup[];
  readonly deadLetters: readonly OverviewDeadLetters[];
}

// ---- consumer groups: GET /api/groups/:groupId, POST /api/groups/:groupId/reset[/plan] ----

export interface GroupMemberView {
  readonly memberId: string;
  readonly clientId: string;
  readonly host: string;
  readonly assignment: Readonly<Record<string, readonly number[]>>;
}

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly committed: string | null;
  readonly latest: string;
  readonly lag: string | null;
  readonly owner: string | null;
}

export interface LagSample {
  readonly at: string;
  /** `${topic}:${partition}` → lag at that moment. */
  readonly lag: Readonly<Record<string, string>>;
}

export interface GroupView {
  readonly asOf: string;
  readonly groupId: string;
  readonly state: string;
  readonly protocol: string;
  readonly members: readonly GroupMemberView[];
  readonly partitions: readonly PartitionLag[];
  /** The last minutes, sampled by the console (oldest first). */
  readonly lagHistory: readonly LagSample[];
}

export type ResetTargetRequest =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  /** ISO time or epoch millis as a string. */
  | { readonly kind: 'time'; readonly value: string }
  /** A duration back from now: `15m`, `2h`, `1d`. */
  | { readonly kind: 'duration'; readonly value: string }
  | { readonly kind: 'offset'; readonly value: string }
  /** Signed: `-100`, `+20`. */
  | { readonly kind: 'shift'; readonly value: string };

export interface GroupResetRequest {
  readonly topics: ReadonlyArray<{ readonly topic: string; readonly partitions?: readonly number[] }>;
  readonly target: ResetTargetRequest;
}

export interface ResetRowView {
  readonly topic: string;
  readonly partition: number;
  readonly earliest: string;
  readonly latest: string;
  readonly current: string | null;
  readonly next: string;
}

export interface GroupResetResult {
  readonly groupId: string;
  readonly executed: boolean;
  readonly rows: readonly ResetRowView[];
}

// ---- dead letters ----

/** GET /api/dead-letters: the dead-letter topics. */
export interface DeadLetterTopicView {
  readonly topic: string;
  readonly sourceTopic: string;
  readonly partitions: number;
  readonly count: string;
}

/** Query of GET /api/dead-letters/:topic/records (all optional). */
export interface DeadLetterFilter {
  readonly errorCode?: string;
  readonly sourceTopic?: string;
  readonly sourcePartition?: number;
  readonly key?: string;
  readonly eventType?: string;
  /** Failed at or after / before (ISO). */
  readonly from?: string;
  readonly to?: string;
}

export interface DeadLetterSummary {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly eventType: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly sourceTopic: string | null;
  readonly sourcePartition: number | null;
  readonly sourceOffset: string | null;
  readonly consumerGroup: string | null;
  readonly failedAt: string | null;
  readonly attempts: number | null;
  readonly alreadyRedriven: boolean;
}

export interface DeadLetterPage {
  readonly topic: string;
  /** Newest first. */
  readonly records: readonly DeadLetterSummary[];
  /**
   * Opaque; pass as `cursor` for the next (older) page. Null when every partition was read
   * down to its earliest offset.
   */
  readonly nextCursor: string | null;
  /** Records read to build this page (bounded per request). */
  readonly scanned: number;
  /** True when the scan budget ended before the page filled: more may match further back. */
  readonly partial: boolean;
}

export interface RecordHeaderView {
  readonly name: string;
  /** UTF-8 text when the bytes are valid UTF-8, else null (see base64). */
  readonly text: string | null;
  readonly base64: string;
}

export interface RecordView {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly key: string | null;
  readonly headers: readonly RecordHeaderView[];
  /** Decoded through the registry (Avro as JSON, longs as strings); absent when undecodable. */
  readonly value?: unknown;
  readonly valueBase64?: string | null;
  readonly schemaId?: number;
  readonly decodeError?: { readonly code: string; readonly message: string };
}

export interface DeadLetterDetail {
  readonly record: RecordView;
  readonly deadLetter: DeadLetterSummary & {
    readonly errorClass: string | null;
    readonly errorStack: string | null;
  };
}

export type RedriveSelection =
  | { readonly kind: 'records'; readonly records: ReadonlyArray<{ readonly partition: number; readonly offset: string }> }
  | { readonly kind: 'filter'; readonly filter: DeadLetterFilter };

export interface RedriveRequest {
  readonly selection: RedriveSelection;
  /** Send again what the ledger says was already redriven (operator's choice). */
  readonly force?: boolean;
  /** Another destination than each record's source topic. */
  readonly toTopic?: string;
}

export interface RedrivePreviewRow {
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  /** Null when skipped. */
  readonly topic: string | null;
  readonly partition: number | null;
  readonly forGroup: string | null;
  /** Why it would not be sent, e.g. `already redriven`, `source unknown`. */
  readonly skip: string | null;
}

export interface RedrivePreview {
  readonly rows: readonly RedrivePreviewRow[];
  readonly toSend: number;
  readonly skipped: Readonly<Record<string, number>>;
  /** Rows listed at most this many; counts are complete. */
  readonly truncated: boolean;
}

export interface RedriveResult {
  readonly redriveId: string;
  readonly sent: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly destinations: ReadonlyArray<{ readonly topic: string; readonly partition: number; readonly forGroup: string | null; readonly count: number }>;
}

// ---- replay: POST /api/replay/plan, POST /api/replay ----

export interface ReplayRequest {
  readonly sourceTopic: string;
  readonly targetTopic: string;
  /** Offsets per the CLI's positions: `earliest`, `latest`, an offset, or a time (ISO). */
  readonly from: { readonly kind: 'earliest' | 'offset' | 'time'; readonly value?: string };
  readonly to: { readonly kind: 'latest' | 'offset' | 'time'; readonly value?: string };
  readonly partitions?: readonly number[];
  readonly key?: string;
  readonly eventType?: string;
  readonly forGroup?: string;
  readonly createTarget?: boolean;
  /** Place copies by key instead of keeping each record's partition (needed when the target has fewer partitions). */
  readonly byKey?: boolean;
  /** The plan's id, passed back when running it; a re-run with the same id copies only what is missing. */
  readonly replayId?: string;
}

export interface ReplayPlanRow {
  readonly partition: number;
  readonly from: string;
  readonly to: string;
  readonly count: string;
  readonly remaining: string;
}

export interface ReplayPlanView {
  readonly replayId: string;
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly partitionMode: string;
  readonly rows: readonly ReplayPlanRow[];
  readonly remaining: string;
  /** With key/type filters and a range small enough to scan: how many would be copied. */
  readonly matching: number | null;
  readonly willCreateTarget: boolean;
}

export interface ReplayResult {
  readonly replayId: string;
  readonly copied: number;
  readonly filteredOut: number;
  readonly alreadyCopied: number;
  readonly elapsedMs: number;
}

// ---- jobs: long operations (redrive, replay) run as jobs: the POST answers 202 with the JobView, GET /api/jobs/:id follows it ----

export interface JobView<R = unknown> {
  readonly id: string;
  readonly kind: 'redrive' | 'replay';
  readonly state: 'running' | 'succeeded' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly startedAt: string;
  readonly result?: R;
  readonly error?: ApiError;
}

// ---- topic explorer: GET /api/topics, GET /api/topics/:topic/records ----

export interface TopicPartitionView {
  readonly partition: number;
  readonly earliest: string;
  readonly latest: string;
}

export interface TopicView {
  readonly name: string;
  readonly partitions: readonly TopicPartitionView[];
}

/** Query: partition (required), fromOffset | fromTime, limit (≤ 200), key, eventType, header (`name=value`). */
export interface TopicRecordsPage {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly RecordView[];
  /** Pass as fromOffset to read on; null at the end of the partition. */
  readonly nextOffset: string | null;
  readonly scanned: number;
}

// ---- schemas: GET /api/schemas/subjects, …/:subject/versions, …/:subject/versions/:v, POST …/:subject/compatibility ----

export interface SubjectView {
  readonly subject: string;
  readonly versions: readonly number[];
}

export interface SchemaVersionView {
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  /** Pretty-printed schema JSON. */
  readonly schema: string;
}

/** POST /api/schemas/subjects/:subject/compatibility */
export interface CompatibilityRequest {
  /** The Avro schema as JSON text. */
  readonly schema: string;
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  readonly level: string;
  readonly messages: readonly string[];
}

// ---- audit: GET /api/audit?before=<offset>&limit=<n> ----

export interface AuditEntry {
  readonly offset: string;
  readonly at: string;
  readonly user: string;
  readonly role: Role;
  readonly action: string;
  /** What was asked (topic, group, selection, target). */
  readonly request: Record<string, unknown>;
  /** Plan or result summary. */
  readonly result?: Record<string, unknown>;
  readonly outcome: 'succeeded' | 'refused' | 'failed';
  readonly error?: ApiError;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly nextBefore: string | null;
}
