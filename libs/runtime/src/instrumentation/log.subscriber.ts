import type { Logger } from 'pino';
import { RuntimeEvent, type RuntimeInstrumentation } from './runtime-events';

/**
 * Structured logs for what an operator acts on: failures, retries, dead letters, rebalances,
 * commit failures, pauses. Per-record success is not logged (that is what metrics are for),
 * and neither is any payload: events carry personal data.
 */
export function attachRuntimeLogs(instrumentation: RuntimeInstrumentation, logger: Logger): () => void {
  const offs = [
    instrumentation.on(RuntimeEvent.RecordFailed, (e) => logger.warn(e, 'record failed')),
    instrumentation.on(RuntimeEvent.RecordRetryScheduled, (e) => logger.info(e, 'retry scheduled')),
    instrumentation.on(RuntimeEvent.RecordDeadLettered, (e) => logger.warn(e, 'record dead-lettered')),
    instrumentation.on(RuntimeEvent.DeadLetterFailed, (e) => logger.error(e, 'dead-letter write failed; the record will be retried')),
    instrumentation.on(RuntimeEvent.CommitFailed, (e) => logger.warn(e, 'offset commit failed; it is retried with the next commit')),
    instrumentation.on(RuntimeEvent.Rebalance, (e) => logger.info(e, 'rebalance: partitions revoked')),
    instrumentation.on(RuntimeEvent.GroupJoined, (e) => logger.info(e, 'joined the group')),
    instrumentation.on(RuntimeEvent.ConsumerStopping, (e) => logger.info(e, 'consumer stopping')),
    instrumentation.on(RuntimeEvent.ConsumerStopped, (e) => logger.info(e, 'consumer stopped')),
    instrumentation.on(RuntimeEvent.ConsumerCrashed, (e) => logger.error(e, 'kafkajs consumer crashed')),
    instrumentation.on(RuntimeEvent.PublishFailed, (e) => logger.warn(e, 'publish failed')),
  ];
  if (logger.isLevelEnabled('debug')) {
    offs.push(instrumentation.on(RuntimeEvent.RecordProcessed, (e) => logger.debug(e, 'record processed')));
    offs.push(instrumentation.on(RuntimeEvent.Commit, (e) => logger.debug(e, 'offsets committed')));
  }
  return () => offs.forEach((off) => off());
}
