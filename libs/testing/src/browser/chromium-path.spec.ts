import { chromiumArgs, chromiumPath, ChromiumMissingError } from './chromium-path';

describe('chromium for the browser tests', () => {
  it.each([
    [true, ['--no-sandbox']],
    [false, []],
  ])('as root=%s adds %j to the flags every run needs', (isRoot, extra) => {
    expect(chromiumArgs(isRoot)).toEqual(['--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run', ...extra]);
  });

  it('says how to install chromium when the binary is missing', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(ChromiumMissingError);
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow('install it: apt-get install -y chromium');
  });
});
