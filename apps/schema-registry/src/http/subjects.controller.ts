import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { AccessLevel } from '../auth/registry-role';
import { RegistrationService } from '../registry/registration.service';
import { SubjectsService } from '../registry/subjects.service';
import type { VersionView } from '../registry/version.view';

const flag = (value: string | undefined) => value === 'true';

/** Reads are `read`, registering and looking up are `write`, deleting is `admin`. */
@Controller('subjects')
@Access(AccessLevel.Read)
export class SubjectsController {
  constructor(
    @Inject(SubjectsService) private readonly subjects: SubjectsService,
    @Inject(RegistrationService) private readonly registration: RegistrationService,
  ) {}

  @Get()
  list(@Query('deleted') deleted?: string): string[] {
    return this.subjects.subjects(flag(deleted));
  }

  // Read-only, as in Confluent's own permissions: a production-mode service that may only
  // look up the ids of schemas it did not register needs nothing more than `read`.
  @Post(':subject')
  @HttpCode(200)
  @Access(AccessLevel.Read)
  lookup(@Param('subject') subject: string, @Body() body: unknown, @Query('deleted') deleted?: string): VersionView {
    return this.subjects.lookup(subject, body, flag(deleted));
  }

  @Delete(':subject')
  @Access(AccessLevel.Admin)
  deleteSubject(@Param('subject') subject: string, @Query('permanent') permanent?: string): Promise<number[]> {
    return this.subjects.deleteSubject(subject, flag(permanent));
  }

  @Get(':subject/versions')
  versions(@Param('subject') subject: string, @Query('deleted') deleted?: string): number[] {
    return this.subjects.versions(subject, flag(deleted));
  }

  @Post(':subject/versions')
  @HttpCode(200)
  @Access(AccessLevel.Write)
  register(@Param('subject') subject: string, @Body() body: unknown): Promise<{ id: number }> {
    return this.registration.register(subject, body);
  }

  @Get(':subject/versions/:version')
  version(@Param('subject') subject: string, @Param('version') version: string, @Query('deleted') deleted?: string): VersionView {
    return this.subjects.version(subject, version, flag(deleted));
  }

  /** The schema text alone, as the response body. */
  @Get(':subject/versions/:version/schema')
  rawSchema(@Param('subject') subject: string, @Param('version') version: string, @Query('deleted') deleted?: string): string {
    return this.subjects.version(subject, version, flag(deleted)).schema;
  }

  @Get(':subject/versions/:version/referencedby')
  referencedBy(@Param('subject') subject: string, @Param('version') version: string): number[] {
    return this.subjects.referencedBy(subject, version);
  }

  @Delete(':subject/versions/:version')
  @Access(AccessLevel.Admin)
  deleteVersion(@Param('subject') subject: string, @Param('version') version: string, @Query('permanent') permanent?: string): Promise<number> {
    return this.subjects.deleteVersion(subject, version, flag(permanent));
  }
}
