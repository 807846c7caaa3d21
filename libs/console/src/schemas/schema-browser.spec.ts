import type { RegistryAnswer } from '@eventline/connection';
import { ConsoleErrorCode } from '../errors/console.error';
import { SchemaBrowser, type RegistryRequests } from './schema-browser';

/** Answers like a registry would, from a table of `METHOD path` → answer; records what was asked. */
function registry(answers: Record<string, RegistryAnswer>): RegistryRequests & { asked: Array<{ method: string; path: string; body?: unknown }> } {
  const asked: Array<{ method: string; path: string; body?: unknown }> = [];
  return {
    asked,
    async request(method: string, path: string, body?: unknown) {
      asked.push({ method, path, body });
      const answer = answers[`${method} ${path}`];
      return answer ?? { status: 404, body: { error_code: 40401, message: 'Subject not found' } };
    },
  };
}

const ORDER_V1 = JSON.stringify({ type: 'record', name: 'OrderPlaced', fields: [{ name: 'id', type: 'string' }] });

describe('SchemaBrowser', () => {
  it('lists subjects sorted with their versions', async () => {
    const browser = new SchemaBrowser(
      registry({
        'GET /subjects': { status: 200, body: ['orders-value', 'billing-value'] },
        'GET /subjects/orders-value/versions': { status: 200, body: [1, 2] },
        'GET /subjects/billing-value/versions': { status: 200, body: [1] },
      }),
    );
    await expect(browser.subjects()).resolves.toEqual([
      { subject: 'billing-value', versions: [1] },
      { subject: 'orders-value', versions: [1, 2] },
    ]);
  });

  it('shows a version with its schema indented', async () => {
    const browser = new SchemaBrowser(
      registry({ 'GET /subjects/orders-value/versions/1': { status: 200, body: { subject: 'orders-value', version: 1, id: 7, schema: ORDER_V1 } } }),
    );
    const view = await browser.version('orders-value', '1');
    expect(view).toMatchObject({ subject: 'orders-value', version: 1, id: 7 });
    expect(view.schema.split('\n').length).toBeGreaterThan(3);
    expect(JSON.parse(view.schema)).toEqual(JSON.parse(ORDER_V1));
  });

  it('says a missing subject is not found, with the registry code', async () => {
    const browser = new SchemaBrowser(registry({}));
    await expect(browser.versions('nope-value')).rejects.toMatchObject({ code: ConsoleErrorCode.NotFound, detail: { registryCode: 40401 } });
  });

  it('refuses a version that is neither a number nor latest before asking the registry', async () => {
    const reg = registry({});
    await expect(new SchemaBrowser(reg).version('orders-value', '../config')).rejects.toMatchObject({ code: ConsoleErrorCode.BadRequest, detail: { field: 'version' } });
    expect(reg.asked).toEqual([]);
  });

  it('escapes subject names in the path', async () => {
    const reg = registry({});
    await new SchemaBrowser(reg).versions('a/b?c').catch(() => undefined);
    expect(reg.asked[0].path).toBe('/subjects/a%2Fb%3Fc/versions');
  });

  it('checks a pasted schema verbosely and reports the level and the registry messages', async () => {
    const reg = registry({
      'GET /config/orders-value?defaultToGlobal=true': { status: 200, body: { compatibilityLevel: 'BACKWARD' } },
      'POST /compatibility/subjects/orders-value/versions?verbose=true': {
        status: 200,
        body: { is_compatible: false, messages: ['field "total" has no default'] },
      },
    });
    await expect(new SchemaBrowser(reg).checkCompatibility('orders-value', ORDER_V1)).resolves.toEqual({
      compatible: false,
      level: 'BACKWARD',
      messages: ['field "total" has no default'],
    });
    expect(reg.asked.at(-1)?.body).toEqual({ schemaType: 'AVRO', schema: ORDER_V1 });
  });

  it('refuses text that is not JSON with the parse problem, without asking the registry', async () => {
    const reg = registry({});
    await expect(new SchemaBrowser(reg).checkCompatibility('orders-value', '{ "type": ')).rejects.toMatchObject({
      code: ConsoleErrorCode.BadRequest,
      detail: { field: 'schema' },
    });
    expect(reg.asked).toEqual([]);
  });

  it('answers an unparseable Avro schema (422) as incompatible with the reason', async () => {
    const reg = registry({
      'GET /config/orders-value?defaultToGlobal=true': { status: 200, body: { compatibilityLevel: 'FULL' } },
      'POST /compatibility/subjects/orders-value/versions?verbose=true': { status: 422, body: { error_code: 42201, message: 'Invalid schema: unknown type "strnig"' } },
    });
    await expect(new SchemaBrowser(reg).checkCompatibility('orders-value', '{"type":"strnig"}')).resolves.toEqual({
      compatible: false,
      level: 'FULL',
      messages: ['Invalid schema: unknown type "strnig"'],
    });
  });

  it('names the status of an unexpected registry answer', async () => {
    const browser = new SchemaBrowser(registry({ 'GET /subjects': { status: 500, body: { error_code: 50001, message: 'store down' } } }));
    await expect(browser.subjects()).rejects.toMatchObject({ code: ConsoleErrorCode.RegistryFailed, message: expect.stringContaining('500') });
  });
});
