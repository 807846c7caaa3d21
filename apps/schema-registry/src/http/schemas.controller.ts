import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { AccessLevel } from '../auth/registry-role';
import { SchemasService, type SchemaView } from '../registry/schemas.service';
import { SUPPORTED_SCHEMA_TYPES } from '../registry/schema-request';

const flag = (value: string | undefined) => value === 'true';

@Controller('schemas')
@Access(AccessLevel.Read)
export class SchemasController {
  constructor(@Inject(SchemasService) private readonly schemas: SchemasService) {}

  @Get('types')
  types(): readonly string[] {
    return SUPPORTED_SCHEMA_TYPES;
  }

  @Get('ids/:id')
  byId(@Param('id') id: string): SchemaView {
    return this.schemas.byId(id);
  }

  @Get('ids/:id/schema')
  rawById(@Param('id') id: string): string {
    return this.schemas.rawById(id);
  }

  @Get('ids/:id/subjects')
  subjects(@Param('id') id: string, @Query('deleted') deleted?: string): string[] {
    return this.schemas.subjectsOf(id, flag(deleted));
  }

  @Get('ids/:id/versions')
  versions(@Param('id') id: string, @Query('deleted') deleted?: string): Array<{ subject: string; version: number }> {
    return this.schemas.versionsOf(id, flag(deleted));
  }
}
