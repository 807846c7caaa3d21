import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_COMPATIBILITY_LEVEL, isCompatibilityLevel, type CompatibilityLevel } from '@eventline/schema-compat';
import { SchemaStore } from '../store/schema-store';
import { configKey, encodeConfigValue } from '../store/schemas-record';
import { RegistryErrors } from './registry.error';

/** GET/PUT/DELETE /config and /config/{subject}. */
@Injectable()
export class ConfigService {
  constructor(@Inject(SchemaStore) private readonly store: SchemaStore) {}

  /** The level a subject's registrations are checked under: its own, else global, else BACKWARD. */
  effectiveLevel(subject: string): CompatibilityLevel {
    return this.store.state.level(subject) ?? this.globalLevel();
  }

  globalLevel(): CompatibilityLevel {
    return this.store.state.level(null) ?? DEFAULT_COMPATIBILITY_LEVEL;
  }

  subjectLevel(subject: string, defaultToGlobal: boolean): CompatibilityLevel {
    const own = this.store.state.level(subject);
    if (own) return own;
    if (defaultToGlobal) return this.globalLevel();
    throw RegistryErrors.compatibilityNotConfigured(subject);
  }

  /** PUT body: {"compatibility": LEVEL}; newer Confluent clients may send "compatibilityLevel". */
  async setLevel(subject: string | null, body: unknown): Promise<CompatibilityLevel> {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const level = fields['compatibility'] ?? fields['compatibilityLevel'];
    if (!isCompatibilityLevel(level)) throw RegistryErrors.invalidCompatibilityLevel(level);
    await this.store.exclusive(() => this.store.append(configKey(subject), encodeConfigValue(level)));
    return level;
  }

  /** Removes a subject's own level (it falls back to global); answers with the level it had. */
  async deleteSubjectLevel(subject: string): Promise<CompatibilityLevel> {
    const previous = this.store.state.level(subject);
    if (!previous) {
      if (this.store.state.versionsOf(subject, true).length === 0) throw RegistryErrors.subjectNotFound(subject);
      throw RegistryErrors.compatibilityNotConfigured(subject);
    }
    await this.store.exclusive(() => this.store.append(configKey(subject), null));
    return previous;
  }

  /** Resets the global level to the default; answers with the level it had. */
  async deleteGlobalLevel(): Promise<CompatibilityLevel> {
    const previous = this.globalLevel();
    await this.store.exclusive(() => this.store.append(configKey(null), null));
    return previous;
  }
}
