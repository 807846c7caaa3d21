/** A bare HTTP client for the integration specs: they check status codes and bodies exactly. */
interface RegistryResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: unknown;
}

export type RegistryCall = (method: string, path: string, body?: unknown, contentType?: string) => Promise<RegistryResponse>;

export function registryHttp(baseUrl: string): RegistryCall {
  return async (method, path, body, contentType = 'application/vnd.schemaregistry.v1+json') => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Left as text: the spec decides whether that is right.
    }
    return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
  };
}

/** `{"type":"record","name":"User","namespace":"acme","fields":[...]}` as registry text. */
export function userSchema(fields: ReadonlyArray<Record<string, unknown>>, name = 'User'): string {
  return JSON.stringify({ type: 'record', name, namespace: 'acme', fields });
}

export const ID_FIELD = { name: 'id', type: 'string' } as const;

/**
 * Retries `probe` until it returns something, for reads on an instance that applies another
 * instance's writes asynchronously (as Confluent's followers do).
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
