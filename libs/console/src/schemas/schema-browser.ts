import type { RegistryAnswer } from '@eventline/connection';
import type { CompatibilityResult, SchemaVersionView, SubjectView } from '../api/console-api.types';
import { badRequest, ConsoleError, ConsoleErrorCode, notFound } from '../errors/console.error';

/** The part of libs/connection's RegistryHttpClient the browser uses (so a spec can answer for the registry). */
export interface RegistryRequests {
  request(method: string, path: string, body?: unknown): Promise<RegistryAnswer>;
}

interface RegistryErrorBody {
  readonly error_code?: number;
  readonly message?: string;
}

/** Confluent's codes for the things one can ask for that are not there. */
const NOT_FOUND_CODES = new Set([40401, 40402, 40403]);

const segment = (text: string) => encodeURIComponent(text);

/**
 * Subjects, versions, schemas and compatibility checks, read through the registry's REST API
 * with the console's own registry credentials (the same connection as every app). Only
 * compatibility checks are POSTs, and they change nothing.
 */
export class SchemaBrowser {
  constructor(private readonly registry: RegistryRequests) {}

  async subjects(): Promise<SubjectView[]> {
    const names = this.expect<string[]>(await this.registry.request('GET', '/subjects'), 'the subject list');
    const subjects = await Promise.all(names.map(async (subject) => ({ subject, versions: await this.versions(subject) })));
    return subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  }

  async versions(subject: string): Promise<number[]> {
    const answer = await this.registry.request('GET', `/subjects/${segment(subject)}/versions`);
    return this.expect<number[]>(answer, `subject ${subject}`);
  }

  async version(subject: string, version: string): Promise<SchemaVersionView> {
    if (version !== 'latest' && !/^[1-9]\d{0,9}$/.test(version)) throw badRequest('version', `version "${version}" is not a positive number or "latest"`);
    const answer = await this.registry.request('GET', `/subjects/${segment(subject)}/versions/${version}`);
    const body = this.expect<{ subject: string; version: number; id: number; schema: string }>(answer, `subject ${subject} version ${version}`);
    return { subject: body.subject, version: body.version, id: body.id, schema: prettySchema(body.schema) };
  }

  /** The pasted schema against every live version the subject's level names (or the one given). */
  async checkCompatibility(subject: string, schemaText: unknown): Promise<CompatibilityResult> {
    if (typeof schemaText !== 'string' || schemaText.trim() === '') throw badRequest('schema', 'paste an Avro schema (JSON) to check');
    try {
      JSON.parse(schemaText);
    } catch (error) {
      throw badRequest('schema', `the schema is not JSON: ${(error as Error).message}`);
    }
    const level = await this.level(subject);
    const answer = await this.registry.request('POST', `/compatibility/subjects/${segment(subject)}/versions?verbose=true`, {
      schemaType: 'AVRO',
      schema: schemaText,
    });
    if (answer.status === 422) {
      // The registry refuses a schema it cannot parse: that is an answer, not a failure.
      const body = answer.body as RegistryErrorBody | undefined;
      return { compatible: false, level, messages: [body?.message ?? 'the registry could not parse the schema'] };
    }
    const body = this.expect<{ is_compatible: boolean; messages?: string[] }>(answer, `subject ${subject}`);
    return { compatible: body.is_compatible, level, messages: body.messages ?? [] };
  }

  private async level(subject: string): Promise<string> {
    const answer = await this.registry.request('GET', `/config/${segment(subject)}?defaultToGlobal=true`);
    if (answer.status === 200) return (answer.body as { compatibilityLevel?: string }).compatibilityLevel ?? 'unknown';
    const global = await this.registry.request('GET', '/config');
    return global.status === 200 ? ((global.body as { compatibilityLevel?: string }).compatibilityLevel ?? 'unknown') : 'unknown';
  }

  private expect<T>(answer: RegistryAnswer, what: string): T {
    if (answer.status === 200) return answer.body as T;
    const body = answer.body as RegistryErrorBody | undefined;
    if (answer.status === 404 && (body?.error_code === undefined || NOT_FOUND_CODES.has(body.error_code))) {
      throw notFound(`${what} does not exist in the registry`, { registryCode: body?.error_code });
    }
    throw new ConsoleError(ConsoleErrorCode.RegistryFailed, `the registry answered ${answer.status} for ${what}${body?.message ? `: ${body.message}` : ''}`, {
      detail: { status: answer.status, registryCode: body?.error_code },
    });
  }
}

/** Schemas are stored compact; the page shows them indented (and a diff of two lines up). */
export function prettySchema(schema: string): string {
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}
