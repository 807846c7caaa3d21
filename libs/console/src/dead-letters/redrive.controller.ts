import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { newRunId, runRedrive, type RedriveResult as OpsRedriveResult } from '@eventline/ops';
import type { JobView, RedrivePreview, RedrivePreviewRow, RedriveResult } from '../api/console-api.types';
import type { ConsoleUser } from '../access/console-user';
import { CurrentUser } from '../access/current-user.decorator';
import { RequiresRole } from '../access/requires-role.decorator';
import { AuditLog } from '../audit/audit.log';
import { OpsRunner } from '../cluster/ops-runner';
import { badRequest } from '../errors/console.error';
import { bodyObject, optionalBodyString } from '../http/query-params';
import { JobRegistry } from '../jobs/job-registry';
import { redriveSelection } from './redrive-selection';

/** Preview rows listed at most; the counts cover everything selected. */
const PREVIEW_ROWS = 500;

/** How the ops library's skip reasons read on the page. */
const SKIP_LABEL: Readonly<Record<string, string>> = {
  'already-redriven': 'already redriven',
  'no-dead-letter-headers': 'no dead-letter headers (source unknown)',
  'source-topic-missing': 'source topic no longer exists',
  'no-recorded-group': 'no consumer group recorded',
};
const skipLabel = (reason: string) => SKIP_LABEL[reason] ?? reason;

function skippedCounts(result: OpsRedriveResult): Record<string, number> {
  return Object.fromEntries([...result.tally.skipped].map(([reason, n]) => [skipLabel(reason), n]));
}

function resultAnswer(result: OpsRedriveResult): RedriveResult {
  return {
    redriveId: result.redriveId,
    sent: result.tally.total,
    skipped: skippedCounts(result),
    destinations: result.tally.rows().map((r) => ({ topic: r.topic, partition: r.partition, forGroup: r.forGroup, count: r.records })),
  };
}

interface RedriveBody {
  readonly selection: ReturnType<typeof redriveSelection>;
  readonly force: boolean;
  readonly toTopic?: string;
}

function redriveBody(dlqTopic: string, raw: unknown, now: number): RedriveBody {
  const body = bodyObject(raw);
  if (body.force !== undefined && typeof body.force !== 'boolean') throw badRequest('force', 'force must be true or false');
  return { selection: redriveSelection(dlqTopic, body.selection, now), force: body.force === true, toTopic: optionalBodyString(body, 'toTopic') };
}

/**
 * Redrive, the way the CLI does it (libs/ops): each dead letter back to its source partition,
 * for the group that failed it, remembered in the ledger once Kafka acknowledged it — so a
 * second redrive of the same record is skipped as "already redriven" unless forced.
 */
@Controller('api/dead-letters/:topic/redrive')
export class RedriveController {
  constructor(
    @Inject(OpsRunner) private readonly ops: OpsRunner,
    @Inject(JobRegistry) private readonly jobs: JobRegistry,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Where each selected dead letter would go; nothing is written. */
  @Post('preview')
  @HttpCode(200)
  async preview(@Param('topic') topic: string, @Body() raw: unknown): Promise<RedrivePreview> {
    const body = redriveBody(topic, raw, Date.now());
    const rows: RedrivePreviewRow[] = [];
    let truncated = false;
    const result = await this.ops.run((ctx) =>
      runRedrive(ctx, {
        selection: body.selection.selection,
        accept: body.selection.accept,
        force: body.force,
        toTopic: body.toTopic,
        execute: false,
        redriveId: 'preview',
        allGroups: false,
        onDecision: ({ dlqPartition, dlqOffset, decision, partition }) => {
          if (rows.length >= PREVIEW_ROWS) {
            truncated = true;
            return;
          }
          rows.push(
            decision.send
              ? { dlqPartition, dlqOffset, topic: decision.topic, partition: partition ?? null, forGroup: decision.forGroup ?? null, skip: null }
              : { dlqPartition, dlqOffset, topic: null, partition: null, forGroup: null, skip: skipLabel(decision.reason) },
          );
        },
      }),
    );
    return { rows, toSend: result.tally.total, skipped: skippedCounts(result), truncated };
  }

  /** Runs as a job (one per dead-letter topic at a time); audited when it ends. */
  @Post()
  @HttpCode(202)
  @RequiresRole('operator')
  run(@Param('topic') topic: string, @Body() raw: unknown, @CurrentUser() user: ConsoleUser): JobView<RedriveResult> {
    const now = Date.now();
    const body = redriveBody(topic, raw, now);
    const redriveId = newRunId('redrive', now);
    const request = { dlqTopic: topic, redriveId, selection: body.selection.describe, force: body.force, ...(body.toTopic ? { toTopic: body.toTopic } : {}) };
    return this.jobs.start<RedriveResult>('redrive', `redrive of ${topic}`, (progress) =>
      this.audit.record(
        user,
        'dead-letters.redrive',
        request,
        async () =>
          resultAnswer(
            await this.ops.run((ctx) =>
              runRedrive(ctx, {
                selection: body.selection.selection,
                accept: body.selection.accept,
                force: body.force,
                toTopic: body.toTopic,
                execute: true,
                redriveId,
                allGroups: false,
                progress: { ...progress, stop: () => undefined },
              }),
            ),
          ),
        { summarize: (r) => ({ sent: r.sent, skipped: r.skipped, destinations: r.destinations }) },
      ),
    );
  }
}
