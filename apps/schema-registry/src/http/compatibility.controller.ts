import { Body, Controller, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { AccessLevel } from '../auth/registry-role';
import { CompatibilityService, type CompatibilityView } from '../registry/compatibility.service';

/** POST, but it only reads: a compatibility check changes nothing, so `read` may run it. */
@Controller('compatibility/subjects/:subject/versions')
@Access(AccessLevel.Read)
export class CompatibilityController {
  constructor(@Inject(CompatibilityService) private readonly compatibility: CompatibilityService) {}

  /** Against the live versions as the subject's level says. */
  @Post()
  @HttpCode(200)
  againstSubject(@Param('subject') subject: string, @Body() body: unknown, @Query('verbose') verbose?: string): CompatibilityView {
    return this.compatibility.test(subject, undefined, body, verbose === 'true');
  }

  @Post(':version')
  @HttpCode(200)
  againstVersion(
    @Param('subject') subject: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Query('verbose') verbose?: string,
  ): CompatibilityView {
    return this.compatibility.test(subject, version, body, verbose === 'true');
  }
}
