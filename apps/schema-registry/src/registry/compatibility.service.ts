import { Inject, Injectable } from '@nestjs/common';
import { checkCompatibility, describeVersionIncompatibility, type CompatibilityResult } from '@eventline/schema-compat';
import { SchemaStore } from '../store/schema-store';
import type { SchemaValue } from '../store/schemas-record';
import { ConfigService } from './config.service';
import { RegistryErrors } from './registry.error';
import { SchemaResolver, type CandidateSchema } from './schema-resolver';
import { readSchemaRequest } from './schema-request';
import { parseVersionParam } from './version-param';

export interface CompatibilityView {
  readonly is_compatible: boolean;
  readonly messages?: readonly string[];
}

/** Compatibility of a candidate against a subject, used by registration and by /compatibility. */
@Injectable()
export class CompatibilityService {
  constructor(
    @Inject(SchemaStore) private readonly store: SchemaStore,
    @Inject(SchemaResolver) private readonly resolver: SchemaResolver,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  /** Against `previous` (oldest first, live versions only) under the subject's level. */
  check(subject: string, candidate: CandidateSchema, previous: readonly SchemaValue[]): CompatibilityResult {
    return checkCompatibility(
      this.config.effectiveLevel(subject),
      candidate.parsed,
      previous.map((value) => ({ version: value.version, schema: this.resolver.parseStored(value) })),
    );
  }

  messages(result: CompatibilityResult): string[] {
    return result.incompatibilities.map(describeVersionIncompatibility);
  }

  /**
   * POST /compatibility/subjects/{subject}/versions[/{version}]. Without a version, or with
   * "latest", the candidate is checked against the live versions as the level says (all of
   * them for *_TRANSITIVE); with a number, against that version only.
   */
  test(subject: string, rawVersion: string | undefined, body: unknown, verbose: boolean): CompatibilityView {
    const candidate = this.resolver.parseRequest(readSchemaRequest(body));
    const live = this.store.state.versionsOf(subject, false);
    let previous = live;
    if (rawVersion !== undefined) {
      const param = parseVersionParam(rawVersion);
      if (live.length === 0) throw RegistryErrors.subjectNotFound(subject);
      if (!param.latest) {
        const target = this.store.state.version(subject, param.version);
        if (!target || target.deleted) throw RegistryErrors.versionNotFound(param.version);
        previous = [target];
      }
    }
    const result = this.check(subject, candidate, previous);
    return verbose ? { is_compatible: result.compatible, messages: this.messages(result) } : { is_compatible: result.compatible };
  }
}
