// The operations a CLI and a console both offer: they return plans and results and never
// print; progress goes through a listener; errors are `OpsError`s with stable codes.
export { OpsContext, type OpsContextOptions } from './context/ops-context';
export { NO_PROGRESS, type ProgressListener } from './context/progress-listener';
export { OpsError, OpsErrorCode, OpsRemedy, badArgument, isOpsError, type OpsErrorDetail } from './errors/ops.error';
export { didYouMean } from './errors/did-you-mean';

export { readTopic, type BatchHandler, type ReadBatch, type ReadOptions, type ReadRange } from './read/topic-reader';
export { DEFAULT_READER_GROUP_PREFIX, readerGroupPrefix, useReaderGroupPrefix } from './read/reader-group-prefix';
export { assertTopicExists } from './topics/topic-exists';
export { fetchOffsetsAtTimes, fetchWatermarks } from './topics/topic-offsets';

export { describePosition, parseOffset, parsePartitionList, type OffsetPosition } from './ranges/offset-position';
export { totalCount, type OffsetsAtTime, type PartitionRange, type PartitionWatermarks } from './ranges/partition-range';
export { planRanges, selectPartitions, type RangePlanInput } from './ranges/range-plan';
export { resolveRanges, type RangeRequest } from './ranges/resolve-ranges';
export { parseDuration, parseTimeSpec } from './time/time-spec';

export { headerText, utf8OrUndefined } from './records/header-text';
export { toJsonSafe } from './records/json-safe';
export { describeFilter, recordFilter, type RecordFilterSpec, type RecordPredicate } from './records/record-filter';
export { viewRecord, type RecordView } from './records/record-view';

export { errorCodeOf, readDeadLetter, type DeadLetterReading } from './dead-letters/dead-letter-record';
export { ProvenanceHeader, redriveProvenanceHeaders, replayProvenanceHeaders, type RedriveProvenance, type ReplayProvenance } from './provenance/provenance.header';
export { newRunId, parseRunId } from './provenance/run-id';

export {
  DEAD_LETTER_PAGE_DEFAULTS,
  dlqMatcher,
  eventTypeOf,
  readDeadLetterPage,
  type DeadLetterEntry,
  type DeadLetterPage,
  type DeadLetterPageFilter,
  type DeadLetterPageRequest,
} from './browse/dead-letter-page';
export { PARTITION_PAGE_DEFAULTS, readPartitionPage, readRecordAt, type PartitionPage, type PartitionPageRequest } from './browse/partition-page';
export { decodePageCursor, encodePageCursor, type PageCursor } from './browse/page-cursor';

export { RecordWriter, type PartitionedMessage } from './write/record-writer';
export { keyPartitioner, type PartitionChooser } from './write/key-partitioner';

export { describeTopic, summarizeTopics, type TopicDescription, type TopicSummary } from './topics/topic-summary';
export { planTopicCreate, type TopicCreatePlan, type TopicCreateRequest, type TopicTemplate } from './topics/topic-create.plan';
export { createTopic, runTopicCreate, topicTemplate, type TopicCreateResult } from './topics/topic-create';

export {
  assertGroupExists,
  committedOffsets,
  describeGroup,
  describeMembers,
  memberLabel,
  summarizeGroups,
  type CommittedOffset,
  type GroupDescription,
  type GroupMember,
  type GroupSummary,
} from './groups/group-description';
export { planReset, type ResetPlanInput, type ResetRow, type ResetTarget } from './groups/offset-reset-plan';
export { parseTopicSelection, type TopicSelection } from './groups/topic-selection';
export { planGroupReset, runGroupReset, type GroupResetRequest, type GroupResetResult } from './groups/group-reset';

export { RateLimiter } from './replay/rate-limiter';
export { ReplayCheckpoint } from './replay/replay-checkpoint';
export { choosePartitionMode, PartitionMode, planReplay, type ReplayPlan, type ReplayPlanRow } from './replay/replay-plan';
export type { ReplayCounts, ReplayMatching } from './replay/replay-counts';
export { runReplay, type ReplayOptions, type ReplayResult, type TargetCreation } from './replay/replay';

export { selectionMatcher, selectionRanges, type DlqSelection } from './dead-letters/dlq-selection';
export { DlqSummary, type DlqSummaryRow } from './dead-letters/dlq-summary';
export { listDeadLetters, showDeadLetters, type DeadLetterList, type DeadLetterView, type ShowDeadLettersOptions } from './dead-letters/dead-letter-inspect';
export { RedriveSkip, routeDeadLetter, type RedriveDecision, type RedriveRouteInput } from './dead-letters/redrive-route';
export { RedriveLedger } from './dead-letters/redrive-ledger';
export { RedriveTally, type RedriveRow } from './dead-letters/redrive-tally';
export { runRedrive, type RedriveOptions, type RedriveResult, type RoutedDeadLetter } from './dead-letters/redrive';
