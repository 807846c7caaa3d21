import { Inject, Injectable } from '@nestjs/common';
import { schemaIdentity } from '../store/registry-state';
import { SchemaStore } from '../store/schema-store';
import { deleteSubjectKey, encodeDeleteSubjectValue, encodeSchemaValue, schemaKey, type SchemaValue } from '../store/schemas-record';
import { RegistryErrors } from './registry.error';
import { SchemaResolver } from './schema-resolver';
import { readSchemaRequest } from './schema-request';
import { versionView, type VersionView } from './version.view';
import { parseVersionParam } from './version-param';

/** /subjects: listing, reading, looking up and deleting subject versions, with Confluent's rules. */
@Injectable()
export class SubjectsService {
  constructor(
    @Inject(SchemaStore) private readonly store: SchemaStore,
    @Inject(SchemaResolver) private readonly resolver: SchemaResolver,
  ) {}

  subjects(includeDeleted: boolean): string[] {
    return this.store.state.subjectNames(includeDeleted);
  }

  versions(subject: string, includeDeleted: boolean): number[] {
    const versions = this.store.state.versionsOf(subject, includeDeleted);
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    return versions.map((value) => value.version);
  }

  version(subject: string, rawVersion: string, includeDeleted: boolean): VersionView {
    return versionView(this.resolveVersion(subject, rawVersion, includeDeleted));
  }

  /** Ids of live schemas that reference this subject version. */
  referencedBy(subject: string, rawVersion: string): number[] {
    const target = this.resolveVersion(subject, rawVersion, false);
    return [...new Set(this.store.state.referencesTo(subject, target.version).map((value) => value.id))].sort((a, b) => a - b);
  }

  /** POST /subjects/{subject}: is this schema registered under the subject, and as which version? */
  lookup(subject: string, body: unknown, includeDeleted: boolean): VersionView {
    const request = readSchemaRequest(body);
    const versions = this.store.state.versionsOf(subject, includeDeleted);
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const identity = schemaIdentity(this.resolver.parseRequest(request));
    const match = versions.filter((value) => schemaIdentity(value) === identity).pop();
    if (!match) throw RegistryErrors.schemaNotFound();
    return versionView(match);
  }

  /**
   * Soft delete hides every live version (ids stay readable, since data written with them
   * still exists); permanent delete removes versions that were soft-deleted first.
   */
  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.store.exclusive(async () => {
      await this.store.catchUp();
      const all = this.store.state.versionsOf(subject, true);
      if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
      const live = all.filter((value) => !value.deleted);
      if (!permanent) {
        if (live.length === 0) throw RegistryErrors.subjectSoftDeleted(subject);
        live.forEach((value) => this.refuseIfReferenced(value));
        const upTo = live[live.length - 1].version;
        await this.store.append(deleteSubjectKey(subject), encodeDeleteSubjectValue(subject, upTo));
        return live.map((value) => value.version);
      }
      if (live.length > 0) throw RegistryErrors.subjectNotSoftDeleted(subject);
      all.forEach((value) => this.refuseIfReferenced(value));
      for (const value of all) await this.store.append(schemaKey(subject, value.version), null);
      await this.store.append(deleteSubjectKey(subject), null);
      return all.map((value) => value.version);
    });
  }

  deleteVersion(subject: string, rawVersion: string, permanent: boolean): Promise<number> {
    const param = parseVersionParam(rawVersion);
    return this.store.exclusive(async () => {
      await this.store.catchUp();
      const all = this.store.state.versionsOf(subject, true);
      if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
      const candidates = permanent ? all : all.filter((value) => !value.deleted);
      const target = param.latest ? candidates[candidates.length - 1] : this.store.state.version(subject, param.version);
      if (!target) throw RegistryErrors.versionNotFound(param.latest ? 'latest' : param.version);
      this.refuseIfReferenced(target);
      if (!permanent) {
        if (target.deleted) throw RegistryErrors.versionSoftDeleted(subject, target.version);
        await this.store.append(schemaKey(subject, target.version), encodeSchemaValue({ ...target, deleted: true }));
      } else {
        if (!target.deleted) throw RegistryErrors.versionNotSoftDeleted(subject, target.version);
        await this.store.append(schemaKey(subject, target.version), null);
      }
      return target.version;
    });
  }

  private resolveVersion(subject: string, rawVersion: string, includeDeleted: boolean): SchemaValue {
    const param = parseVersionParam(rawVersion);
    const visible = this.store.state.versionsOf(subject, includeDeleted);
    if (visible.length === 0) throw RegistryErrors.subjectNotFound(subject);
    if (param.latest) return visible[visible.length - 1];
    const target = this.store.state.version(subject, param.version);
    if (!target || (target.deleted && !includeDeleted)) throw RegistryErrors.versionNotFound(param.version);
    return target;
  }

  /** A schema other live schemas name as a reference cannot go: they would stop resolving. */
  private refuseIfReferenced(value: SchemaValue): void {
    if (this.store.state.referencesTo(value.subject, value.version).length > 0) throw RegistryErrors.referenceExists(value.subject, value.version);
  }
}
