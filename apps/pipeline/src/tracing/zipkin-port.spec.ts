import { LocalZipkinErrorCode } from '@eventline/local-zipkin';
import { zipkinPort } from './zipkin-port';

describe('zipkinPort', () => {
  it.each<[NodeJS.ProcessEnv, number]>([
    [{}, 9411],
    [{ ZIPKIN_PORT: '' }, 9411],
    [{ ZIPKIN_PORT: '19411' }, 19411],
    [{ ZIPKIN_PORT: ' 9412 ' }, 9412],
  ])('%j → %d', (env, port) => {
    expect(zipkinPort(env)).toBe(port);
  });

  it.each(['abc', '0', '65536', '94.11', '-1'])('refuses ZIPKIN_PORT=%s', (value) => {
    expect(() => zipkinPort({ ZIPKIN_PORT: value })).toThrow(
      expect.objectContaining({ code: LocalZipkinErrorCode.InvalidOption, message: `ZIPKIN_PORT=${value}: expected a port from 1 to 65535.` }),
    );
  });
});
