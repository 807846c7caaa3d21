import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { describeGroup, runGroupReset, type GroupResetResult as OpsResetResult } from '@eventline/ops';
import type { GroupResetResult, GroupView } from '../api/console-api.types';
import type { ConsoleUser } from '../access/console-user';
import { CurrentUser } from '../access/current-user.decorator';
import { RequiresRole } from '../access/requires-role.decorator';
import { CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import { AuditLog } from '../audit/audit.log';
import { OpsRunner } from '../cluster/ops-runner';
import { ClusterSampler } from '../overview/cluster-sampler';
import { resetRequest } from './reset-request';

function resetAnswer(result: OpsResetResult): GroupResetResult {
  return {
    groupId: result.groupId,
    executed: result.executed,
    rows: result.partitions.map((r) => ({
      topic: r.topic,
      partition: r.partition,
      earliest: r.low.toString(),
      latest: r.high.toString(),
      current: r.current?.toString() ?? null,
      next: r.next.toString(),
    })),
  };
}

@Controller('api/groups')
export class GroupsController {
  constructor(
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(ClusterSampler) private readonly sampler: ClusterSampler,
    @Inject(OpsRunner) private readonly ops: OpsRunner,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get(':groupId')
  async group(@Param('groupId') groupId: string): Promise<GroupView> {
    const description = await describeGroup(this.admin, groupId);
    return {
      asOf: new Date().toISOString(),
      groupId,
      state: description.state,
      protocol: description.protocol,
      members: description.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.host, assignment: m.assignment })),
      partitions: description.offsets.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        committed: o.committed?.toString() ?? null,
        latest: o.latest.toString(),
        lag: o.lag?.toString() ?? null,
        owner: o.owner ?? null,
      })),
      lagHistory: this.sampler.lagHistory(groupId).map((s) => ({ at: new Date(s.at).toISOString(), lag: Object.fromEntries([...s.value].map(([k, v]) => [k, v.toString()])) })),
    };
  }

  /** The plan only; refused (409) while the group has members, exactly as the CLI. A POST only because the request has a body. */
  @Post(':groupId/reset/plan')
  @HttpCode(200)
  async plan(@Param('groupId') groupId: string, @Body() body: unknown): Promise<GroupResetResult> {
    const request = resetRequest(groupId, body, Date.now());
    return resetAnswer(await this.ops.run((ctx) => runGroupReset(ctx, { ...request, execute: false })));
  }

  @Post(':groupId/reset')
  @HttpCode(200)
  @RequiresRole('operator')
  async reset(@Param('groupId') groupId: string, @Body() body: unknown, @CurrentUser() user: ConsoleUser): Promise<GroupResetResult> {
    const request = resetRequest(groupId, body, Date.now());
    const result = await this.audit.record(
      user,
      'group.reset',
      { groupId, topics: request.topics, target: body && typeof body === 'object' ? (body as Record<string, unknown>).target : undefined },
      () => this.ops.run((ctx) => runGroupReset(ctx, { ...request, execute: true })),
      { summarize: (r) => ({ partitions: r.partitions.map((p) => ({ topic: p.topic, partition: p.partition, from: p.current?.toString() ?? null, to: p.next.toString() })) }) },
    );
    return resetAnswer(result);
  }
}
