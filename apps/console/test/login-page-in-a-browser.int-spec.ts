/**
 * The built web UI in a real browser (Debian's chromium through the libs/testing harness),
 * served by the real console on the test broker with a users file. Expected: the login page
 * renders under the console's CSP without a script error; a wrong password shows the server's
 * refusal as a message (no stack); the right one shows the signed-in user and role; sign out
 * brings the login back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { createConsoleApp, hashPassword, readConsoleConfig, type ConsoleApp } from '@eventline/console';
import { launchBrowser, openPage, testKafka, uniqueName } from '@eventline/testing';

const WEB_DIR = join(__dirname, '..', 'dist', 'web');

describe('the console login page in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-browser-'));
  const auditTopic = uniqueName('console-browser-audit');
  let app: ConsoleApp;
  let browser: Browser;

  beforeAll(async () => {
    // Cheap when the build is fresh: it only runs Vite when a source is newer than the output.
    execFileSync(process.execPath, [join(__dirname, '..', 'tools', 'build-web.cjs')], { stdio: 'pipe' });
    const usersFile = join(dir, 'users.json');
    writeFileSync(usersFile, JSON.stringify({ users: [{ name: 'ada', role: 'operator', passwordHash: await hashPassword('ada-password-1') }] }));
    const config = readConsoleConfig(
      { ...process.env, CONSOLE_AUTH: 'users', CONSOLE_USERS_FILE: usersFile, CONSOLE_PORT: '0', CONSOLE_AUDIT_TOPIC: auditTopic },
      { defaultWebDir: WEB_DIR },
    );
    app = await createConsoleApp(config, { nestLogger: false, log: pino({ level: 'silent' }) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    const admin = testKafka().admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [auditTopic] }).catch(() => undefined);
    await admin.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the login, shows a wrong password as a message, then signs in and out', async () => {
    const { page, problems, context } = await openPage(browser, app.url);
    try {
      // A deep link loads the app too (the server's SPA fallback); signed out, it shows the login.
      await page.goto('/dead-letters');
      const form = page.getByTestId('login-form');
      await form.waitFor();
      await page.getByLabel('User').fill('ada');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByTestId('login-submit').click();

      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('LOGIN_FAILED');
      expect(await error.textContent()).toContain('sign-in failed');
      expect(await error.textContent()).not.toMatch(/\n\s+at /);

      await page.getByLabel('Password').fill('ada-password-1');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('session-user-name').waitFor();
      expect(await page.getByTestId('session-user-name').textContent()).toBe('ada');
      expect(await page.getByTestId('session-role').textContent()).toBe('operator');
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Overview', 'Dead letters', 'Replay', 'Topics', 'Schemas', 'Audit']);

      // Signed in for the server too: a reload stays signed in (the session cookie).
      await page.reload();
      await page.getByTestId('session-user-name').waitFor();

      await page.getByTestId('sign-out').click();
      await form.waitFor();
      // Signed out for the server too: a reload shows the login again.
      await page.reload();
      await form.waitFor();
      // Page errors, and CSP violations (Chromium reports them as console errors).
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
