import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-path';

export interface LaunchBrowserOptions {
  /** Default true; `HEADED=1` in the environment shows the window when debugging locally. */
  readonly headless?: boolean;
  readonly args?: readonly string[];
}

/** Debian's chromium through playwright-core, headless, with the flags this machine needs. */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({
    executablePath,
    headless: options.headless ?? process.env['HEADED'] !== '1',
    args: [...chromiumArgs(), ...(options.args ?? [])],
  });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors, console errors and CSP violations seen so far. */
  readonly problems: string[];
}

/**
 * A fresh context (own cookies) with `baseURL`, and the page's problems collected so a test can
 * assert that a page ran clean (a CSP violation is logged to the console as an error).
 */
export async function openPage(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx answer as "Failed to load resource"; the API answers 401
    // and 409 by design, so only other errors count (a CSP violation reads "Refused to …").
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}
