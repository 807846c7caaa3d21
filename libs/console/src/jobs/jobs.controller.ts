import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { JobView } from '../api/console-api.types';
import { JobRegistry } from './job-registry';

/** Progress of the long operations; anyone signed in may watch (the audit log says who started them). */
@Controller('api/jobs')
export class JobsController {
  constructor(@Inject(JobRegistry) private readonly jobs: JobRegistry) {}

  @Get(':id')
  job(@Param('id') id: string): JobView {
    return this.jobs.get(id);
  }
}
