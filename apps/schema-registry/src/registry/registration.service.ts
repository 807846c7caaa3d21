import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplyOutcome, schemaIdentity } from '../store/registry-state';
import { SchemaStore } from '../store/schema-store';
import { encodeSchemaValue, schemaKey } from '../store/schemas-record';
import { CompatibilityService } from './compatibility.service';
import { RegistryErrorCode } from './registry-error-code';
import { RegistryError, RegistryErrors } from './registry.error';
import { SchemaResolver } from './schema-resolver';
import { readSchemaRequest } from './schema-request';

/**
 * How often a registration that lost a race to another instance is tried again. Every lost
 * race is another instance's registration that succeeded, so an instance can lose once per
 * registration the others make meanwhile: a burst of them (a deploy registering a dozen
 * schemas on two instances) needs more than a handful of attempts.
 */
const MAX_ATTEMPTS = 25;

/** After a lost race, a short random pause (growing with the attempt) so two instances stop racing in lockstep. */
const backoffAfterLoss = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * Math.min(attempt, 10)) + 1));

/**
 * POST /subjects/{subject}/versions.
 *
 * Several instances may write to one `_schemas` topic, and none of them is a leader. The
 * topic's single partition orders every write, and every instance applies the same rules to
 * that order (RegistryState): the first record to claim an id, or a subject version, wins.
 * So a registration is optimistic:
 *   1. catch up with the log, so the state includes every write made before this one;
 *   2. pick the id (the existing id of an identical schema, else highest id seen + 1) and the
 *      version (highest version of the subject + 1), check compatibility, produce the record;
 *   3. wait until this instance's reader has applied that record and look at the outcome. If
 *      another instance's record for the same id or version came first, ours was rejected by
 *      every reader alike: go back to 1 and try again with what the log now says.
 *
 * A rejected record stays in the topic, and compaction keeps only the latest record per key,
 * so it could outlive the winner's record and win after a restart. The loser therefore writes
 * a later record for the same key at once: the winner's value again, or (when nobody holds
 * the key) its own retry, or a tombstone if it gives up. Known limit: a delete of that very
 * version by another instance in the few milliseconds between the loser's catch-up and its
 * repair would be undone by the repair.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    @Inject(SchemaStore) private readonly store: SchemaStore,
    @Inject(SchemaResolver) private readonly resolver: SchemaResolver,
    @Inject(CompatibilityService) private readonly compatibility: CompatibilityService,
  ) {}

  register(subject: string, body: unknown): Promise<{ id: number }> {
    const request = readSchemaRequest(body);
    return this.store.exclusive(async () => {
      const state = this.store.state;
      let orphan: { version: number } | undefined;
      try {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          await this.store.catchUp();
          const candidate = this.resolver.parseRequest(request);
          const identity = schemaIdentity(candidate);
          const live = state.versionsOf(subject, false);
          const existing = live.find((value) => schemaIdentity(value) === identity);
          if (existing) return { id: existing.id };

          const result = this.compatibility.check(subject, candidate, live);
          if (!result.compatible) throw RegistryErrors.incompatibleSchema(subject, this.compatibility.messages(result));

          const id = state.idOf(identity) ?? state.maxId + 1;
          const version = state.highestVersion(subject) + 1;
          const value = { subject, version, id, schema: candidate.schema, references: candidate.references, deleted: false };
          const outcome = await this.store.append(schemaKey(subject, version), encodeSchemaValue(value));
          if (orphan?.version === version) orphan = undefined;
          const stored = state.version(subject, version);
          if (outcome === ApplyOutcome.Applied || (stored?.id === id && schemaIdentity(stored) === identity)) return { id };

          this.logger.warn(`registering under ${subject} lost a race for id ${id} / version ${version} (${outcome}); attempt ${attempt} of ${MAX_ATTEMPTS}`);
          if (stored) await this.store.append(schemaKey(subject, version), encodeSchemaValue(stored));
          else orphan = { version };
          await backoffAfterLoss(attempt);
        }
        throw new RegistryError(RegistryErrorCode.StoreError, `could not register under '${subject}': ${MAX_ATTEMPTS} attempts lost races to other registry instances`);
      } finally {
        if (orphan && !state.version(subject, orphan.version)) {
          await this.store.append(schemaKey(subject, orphan.version), null).catch((error: Error) => this.logger.error(`could not clear rejected record: ${error.message}`));
        }
      }
    });
  }
}
