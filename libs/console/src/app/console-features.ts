import type { Type } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClusterModule } from '../cluster/cluster.module';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { GroupsModule } from '../groups/groups.module';
import { JobsModule } from '../jobs/jobs.module';
import { OverviewModule } from '../overview/overview.module';
import { ReplayModule } from '../replay/replay.module';
import { SchemasModule } from '../schemas/schemas.module';
import { TopicsModule } from '../topics/topics.module';

/**
 * The console's feature modules, in the order their routes register. Append a feature's
 * module here; ConsoleModule imports every entry. ClusterModule first: it provides what the
 * read pages share (the snapshot sampler, the codec, jobs, the ops runner).
 */
export const CONSOLE_FEATURES: Type[] = [ClusterModule, AuditModule, OverviewModule, GroupsModule, DeadLettersModule, ReplayModule, TopicsModule, SchemasModule, JobsModule];
