import { Body, Controller, Delete, Get, Inject, Param, Put, Query } from '@nestjs/common';
import type { CompatibilityLevel } from '@eventline/schema-compat';
import { Access } from '../auth/access.decorator';
import { AccessLevel } from '../auth/registry-role';
import { ConfigService } from '../registry/config.service';

/**
 * Confluent answers GET and DELETE with `compatibilityLevel`, PUT with `compatibility`.
 * Changing a level changes what every later registration is checked against: admin only.
 */
@Controller('config')
@Access(AccessLevel.Admin)
export class ConfigController {
  constructor(@Inject(ConfigService) private readonly config: ConfigService) {}

  @Get()
  @Access(AccessLevel.Read)
  getGlobal(): { compatibilityLevel: CompatibilityLevel } {
    return { compatibilityLevel: this.config.globalLevel() };
  }

  @Put()
  async putGlobal(@Body() body: unknown): Promise<{ compatibility: CompatibilityLevel }> {
    return { compatibility: await this.config.setLevel(null, body) };
  }

  @Delete()
  async deleteGlobal(): Promise<{ compatibilityLevel: CompatibilityLevel }> {
    return { compatibilityLevel: await this.config.deleteGlobalLevel() };
  }

  @Get(':subject')
  @Access(AccessLevel.Read)
  getSubject(@Param('subject') subject: string, @Query('defaultToGlobal') defaultToGlobal?: string): { compatibilityLevel: CompatibilityLevel } {
    return { compatibilityLevel: this.config.subjectLevel(subject, defaultToGlobal === 'true') };
  }

  @Put(':subject')
  async putSubject(@Param('subject') subject: string, @Body() body: unknown): Promise<{ compatibility: CompatibilityLevel }> {
    return { compatibility: await this.config.setLevel(subject, body) };
  }

  @Delete(':subject')
  async deleteSubject(@Param('subject') subject: string): Promise<{ compatibilityLevel: CompatibilityLevel }> {
    return { compatibilityLevel: await this.config.deleteSubjectLevel(subject) };
  }
}
