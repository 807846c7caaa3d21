/** The instrumentation scope of the spans libs/ops starts (the runtime's is `@eventline/runtime`). */
export const OPS_TRACER = '@eventline/ops';

/**
 * Attributes of a replay's or a redrive's run span beyond the messaging conventions'
 * (libs/runtime's `MessagingAttribute`): which run it is, and at its end what it did.
 */
export const OpsSpanAttribute = {
  /** True when nothing was written: the run only planned (or counted) what it would do. */
  DryRun: 'eventline.dry_run',
  ReplayId: 'eventline.replay.id',
  ReplaySourceTopic: 'eventline.replay.source_topic',
  ReplayCopied: 'eventline.replay.copied',
  ReplayFilteredOut: 'eventline.replay.filtered_out',
  ReplayAlreadyCopied: 'eventline.replay.already_copied',
  /** Records a dry run would copy (the plan's count, or what its filters let through). */
  ReplayPlanned: 'eventline.replay.planned',
  /** Stopped by its signal; the same replay id copies the rest. */
  Interrupted: 'eventline.interrupted',
  RedriveId: 'eventline.redrive.id',
  RedriveDlqTopic: 'eventline.redrive.dlq_topic',
  /** Dead letters sent (or, dry, that would be). */
  RedriveSent: 'eventline.redrive.sent',
  RedriveSkipped: 'eventline.redrive.skipped',
  RedriveFilteredOut: 'eventline.redrive.filtered_out',
} as const;
export type OpsSpanAttribute = (typeof OpsSpanAttribute)[keyof typeof OpsSpanAttribute];
