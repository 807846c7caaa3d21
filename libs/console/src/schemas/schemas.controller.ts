import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { CompatibilityResult, SchemaVersionView, SubjectView } from '../api/console-api.types';
import { bodyObject } from '../http/query-params';
import { SchemaBrowser } from './schema-browser';

/** Read-only for every signed-in user: a compatibility check registers nothing. */
@Controller('api/schemas/subjects')
export class SchemasController {
  constructor(@Inject(SchemaBrowser) private readonly schemas: SchemaBrowser) {}

  @Get()
  subjects(): Promise<SubjectView[]> {
    return this.schemas.subjects();
  }

  @Get(':subject/versions')
  versions(@Param('subject') subject: string): Promise<number[]> {
    return this.schemas.versions(subject);
  }

  @Get(':subject/versions/:version')
  version(@Param('subject') subject: string, @Param('version') version: string): Promise<SchemaVersionView> {
    return this.schemas.version(subject, version);
  }

  @Post(':subject/compatibility')
  @HttpCode(200)
  compatibility(@Param('subject') subject: string, @Body() body: unknown): Promise<CompatibilityResult> {
    return this.schemas.checkCompatibility(subject, bodyObject(body).schema);
  }
}
