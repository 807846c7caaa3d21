import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { runReplay, type ReplayPlan, type ReplayResult as OpsReplayResult } from '@eventline/ops';
import type { JobView, ReplayPlanView, ReplayResult } from '../api/console-api.types';
import type { ConsoleUser } from '../access/console-user';
import { CurrentUser } from '../access/current-user.decorator';
import { RequiresRole } from '../access/requires-role.decorator';
import { AuditLog } from '../audit/audit.log';
import { OpsRunner } from '../cluster/ops-runner';
import { JobRegistry } from '../jobs/job-registry';
import { replayOptions } from './replay-request';

function planView(result: OpsReplayResult): ReplayPlanView {
  const plan: ReplayPlan = result.plan;
  return {
    replayId: plan.replayId,
    sourceTopic: plan.sourceTopic,
    targetTopic: plan.targetTopic,
    partitionMode: plan.partitionMode,
    rows: plan.rows.map((r) => ({ partition: r.partition, from: r.from.toString(), to: r.to.toString(), count: r.count.toString(), remaining: r.remaining.toString() })),
    remaining: plan.remaining.toString(),
    matching: result.dryRun && result.matching && 'records' in result.matching ? result.matching.records : null,
    willCreateTarget: result.target !== undefined && !result.target.created,
  };
}

@Controller('api/replay')
export class ReplayController {
  constructor(
    @Inject(OpsRunner) private readonly ops: OpsRunner,
    @Inject(JobRegistry) private readonly jobs: JobRegistry,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** The plan only (a dry run): ranges per partition, what this replay id already copied, what filters let through. */
  @Post('plan')
  @HttpCode(200)
  async plan(@Body() body: unknown): Promise<ReplayPlanView> {
    const options = replayOptions(body, Date.now(), false);
    return planView(await this.ops.run((ctx) => runReplay(ctx, options)));
  }

  /** Runs as a job (one per target topic at a time); the audit record is written when it ends. */
  @Post()
  @HttpCode(202)
  @RequiresRole('operator')
  run(@Body() body: unknown, @CurrentUser() user: ConsoleUser): JobView<ReplayResult> {
    const options = replayOptions(body, Date.now(), true);
    const request = { sourceTopic: options.sourceTopic, targetTopic: options.targetTopic, replayId: options.replayId, body };
    return this.jobs.start<ReplayResult>('replay', `replay into ${options.targetTopic}`, (progress) =>
      this.audit.record(
        user,
        'replay',
        request,
        async () => {
          const result = await this.ops.run((ctx) => runReplay(ctx, { ...options, progress: { ...progress, stop: () => undefined } }));
          if (result.dryRun) throw new Error('a replay run came back as a dry run');
          return {
            replayId: result.plan.replayId,
            copied: result.counts.copied,
            filteredOut: result.counts.filteredOut,
            alreadyCopied: result.counts.alreadyCopied,
            elapsedMs: result.counts.elapsedMs ?? 0,
          };
        },
        { summarize: (r) => ({ ...r }) },
      ),
    );
  }
}
