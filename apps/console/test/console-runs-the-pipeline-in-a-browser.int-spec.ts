/**
 * The console against a live pipeline, in a real browser (Debian's chromium): a real broker
 * and registry, Eventline consumers of a worker group on an `orders` topic with Avro events,
 * the real console with a users file (an operator and a viewer).
 *
 * Expected: the overview shows a lagging group's lag; a poison record produced to orders
 * appears on the dead-letter page with its error code and source offset, decoded; its
 * redrive preview names the source partition; after the fix (the handler flagged to
 * succeed) the redrive sends it once and the worker processes it once; a second redrive
 * says "already redriven"; a group reset is refused while the workers run and shows the
 * plan after they stop; a viewer gets 403 on redrive; a replay copies what its plan showed,
 * under the plan's id; a pasted schema that breaks compatibility is said to; the audit page
 * lists the actions.
 * Screenshots of each page go to CONSOLE_SCREENSHOTS_DIR (docs/console/ when regenerating
 * the docs), else to a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { createConsoleApp, hashPassword, readConsoleConfig, type ConsoleApp } from '@eventline/console';
import { buildCloudEventHeaders, EventCatalog, type OrderPaid } from '@eventline/contracts';
import { EventConsumer, kafkaJsClient, type EventContext } from '@eventline/runtime';
import { launchBrowser, openPage, startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';

const WEB_DIR = join(__dirname, '..', 'dist', 'web');
const ORDER_PAID = 'dev.eventline.orders.OrderPaid';
const POISON_KEY = 'order-poison';
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS_DIR ? resolve(process.env.CONSOLE_SCREENSHOTS_DIR) : mkdtempSync(join(tmpdir(), 'console-shots-'));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

async function signIn(page: Page, user: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-form').waitFor();
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('session-user-name').waitFor();
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('the console against a live pipeline, in a browser', () => {
  const kafka: Kafka = testKafka();
  const topics = new TestTopics(kafka);
  const dir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const auditTopic = `_eventline-audit-${randomUUID().slice(0, 8)}`;
  let admin: Admin;
  let registry: SchemaRegistryProcess;
  let app: ConsoleApp;
  let browser: Browser;
  let workers: EventConsumer | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', 'tools', 'build-web.cjs')], { stdio: 'pipe' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    admin = await topics.admin();
    registry = await startSchemaRegistry();
    const usersFile = join(dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify({
        users: [
          { name: 'ada', role: 'operator', passwordHash: await hashPassword('ada-password-1') },
          { name: 'vic', role: 'viewer', passwordHash: await hashPassword('vic-password-1') },
        ],
      }),
    );
    const config = readConsoleConfig(
      {
        ...process.env,
        CONSOLE_AUTH: 'users',
        CONSOLE_USERS_FILE: usersFile,
        CONSOLE_PORT: '0',
        CONSOLE_AUDIT_TOPIC: auditTopic,
        SCHEMA_REGISTRY_URL: registry.url,
      },
      { defaultWebDir: WEB_DIR },
    );
    app = await createConsoleApp(config, { nestLogger: false, log: pino({ level: 'silent' }) });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await workers?.stop();
    await browser?.close();
    await app?.close();
    await admin?.deleteTopics({ topics: [auditTopic] }).catch(() => undefined);
    await topics.cleanup();
    await registry?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows lag, dead letters, redrives once, refuses a live reset, keeps viewers read-only and audits it all', async () => {
    const orders = await topics.create('orders', 2);
    const dlq = await topics.createNamed(`${orders}.dlq`, 2);
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    const encoder = await codec.encoderFor<OrderPaid>({ subject: `${orders}-${ORDER_PAID}`, schema: EventCatalog[ORDER_PAID].schema });
    const paid = (orderId: string): OrderPaid => ({ orderId, paymentId: `pay-${orderId}`, amountMinor: 1_250n, currency: 'EUR', method: 'CARD', paidAt: 1_700_000_000_000 });
    const message = (partition: number, key: string) => ({
      partition,
      key,
      value: encoder.encode(paid(key)),
      headers: buildCloudEventHeaders({ id: randomUUID(), type: ORDER_PAID, source: '/e2e' }),
    });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    // Partition 1, offset 3 is the poison pill.
    await producer.send({ topic: orders, acks: -1, messages: [0, 1, 2].flatMap((i) => [message(0, `order-${i}`), message(1, `order-${i + 10}`)]) });
    await producer.send({ topic: orders, acks: -1, messages: [message(1, POISON_KEY)] });
    await producer.disconnect();

    // A group that committed at the start and never read on: lag 7.
    const lagging = topics.group('lagging');
    await admin.setOffsets({ groupId: lagging, topic: orders, partitions: [0, 1].map((partition) => ({ partition, offset: '0' })) });

    // The workers: a handler that rejects the poison until the fix is flagged.
    const workerGroup = topics.group('e2e-workers');
    let fixed = false;
    const handled: string[] = [];
    workers = new EventConsumer({
      client: kafkaJsClient(kafka),
      groupId: workerGroup,
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      commit: { maxUncommittedRecords: 1, maxUncommittedMs: 50 },
      routes: [
        {
          topic: orders,
          eventType: '*',
          handler: (_value: Buffer, ctx: EventContext) => {
            const key = ctx.key?.toString() ?? '';
            if (key === POISON_KEY && !fixed) throw Object.assign(new Error(`order ${key} has no shipping address`), { code: 'ORDER_REJECTED', retriable: false });
            handled.push(key);
          },
        },
      ],
    });
    await workers.start();
    await waitFor('the poison pill dead-lettered and the good records handled', async () => {
      const ends = await admin.fetchTopicOffsets(dlq);
      return ends.reduce((n, p) => n + Number(p.high), 0) === 1 && handled.length === 6;
    });

    const operator = await openPage(browser, app.url);
    const page = operator.page;
    page.setDefaultTimeout(45_000);
    await signIn(page, 'ada', 'ada-password-1');

    // Overview: the lagging group with its lag.
    const laggingRow = page.locator(`[data-testid="group-row"][data-group="${lagging}"]`);
    await laggingRow.getByTestId('group-lag').filter({ hasText: /^7$/ }).waitFor();
    await page.getByTestId('as-of').waitFor();
    await shot(page, 'overview');

    // Dead letters: the poison with its error code and source offset.
    await page.goto(`/dead-letters/${encodeURIComponent(dlq)}`);
    const row = page.getByTestId('dead-letter-row').filter({ hasText: 'ORDER_REJECTED' });
    await row.waitFor();
    expect(await row.getByTestId('dead-letter-source').textContent()).toMatch(/1\D+3/);
    await shot(page, 'dead-letters');
    await row.getByTestId('dead-letter-open').click();
    await page.getByTestId('dead-letter-detail-page').waitFor();
    expect(await page.getByTestId('detail-error-code').textContent()).toBe('ORDER_REJECTED');
    expect(await page.getByTestId('detail-source-partition').textContent()).toBe('1');
    expect(await page.getByTestId('detail-source-offset').textContent()).toBe('3');
    // The value decoded through the registry, the long as a string.
    await page.getByText('"amountMinor": "1250"').waitFor();
    await shot(page, 'dead-letter-detail');

    // Redrive one: the preview names the source partition; after the fix it sends it once.
    await page.getByTestId('redrive-one').click();
    const preview = page.getByTestId('redrive-preview-row');
    await preview.waitFor();
    expect(await preview.getByTestId('redrive-destination-topic').textContent()).toBe(orders);
    expect(await preview.getByTestId('redrive-destination-partition').textContent()).toBe('1');
    await shot(page, 'redrive-preview');
    fixed = true;
    await page.getByTestId('redrive-execute').click();
    await page.getByTestId('redrive-sent').filter({ hasText: /^1$/ }).waitFor();
    await waitFor('the worker processed the redriven record', () => handled.includes(POISON_KEY));
    await shot(page, 'redrive-done');

    // A second redrive: the ledger has it.
    await page.reload();
    await page.getByTestId('already-redriven').first().waitFor();
    await page.getByTestId('redrive-one').click();
    await page.getByTestId('redrive-skip').filter({ hasText: 'already redriven' }).waitFor();
    expect(await page.getByTestId('redrive-to-send').textContent()).toBe('0');
    expect(await page.getByTestId('redrive-execute').isDisabled()).toBe(true);
    expect(handled.filter((k) => k === POISON_KEY)).toHaveLength(1);

    // Group reset: refused while the workers run, the plan once they stopped, then executed.
    await page.goto(`/groups/${encodeURIComponent(workerGroup)}`);
    await page.getByTestId('group-page').waitFor();
    const form = page.getByTestId('reset-form');
    await form.getByLabel('Topics').fill(orders);
    await form.getByLabel('Target').selectOption('earliest');
    await page.getByTestId('reset-plan').click();
    const refused = page.getByTestId('reset-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('active member');
    await shot(page, 'group-reset-refused');
    await workers.stop();
    workers = undefined;
    await waitFor('the worker group is empty', async () => (await admin.describeGroups([workerGroup])).groups[0].members.length === 0);
    await page.getByTestId('reset-plan').click();
    await page.getByTestId('reset-plan-table').waitFor();
    expect(await page.getByTestId('reset-plan-row').count()).toBe(2);
    await shot(page, 'group-reset-plan');
    await page.getByTestId('reset-execute').click();
    await page.getByTestId('reset-done').waitFor();
    const [committed] = await admin.fetchOffsets({ groupId: workerGroup, topics: [orders] });
    expect(committed.partitions.map((p) => p.offset).sort()).toEqual(['0', '0']);

    // A viewer reads but may not redrive: the server answers 403 whatever the page shows.
    const viewer = await openPage(browser, app.url);
    await signIn(viewer.page, 'vic', 'vic-password-1');
    expect(await viewer.page.getByTestId('session-role').textContent()).toBe('viewer');
    const status = await viewer.page.evaluate(async (topic) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const answer = await fetch(`/api/dead-letters/${encodeURIComponent(topic)}/redrive`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ selection: { kind: 'filter', filter: {} }, force: true }),
      });
      return { status: answer.status, body: (await answer.json()) as { error: { code: string } } };
    }, dlq);
    expect(status).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
    await viewer.context.close();

    // Replay: the plan first (with its id), then the copy as a job, then the result with the same id.
    const copy = `${orders}-replayed`;
    await page.goto('/replay');
    const replay = page.getByTestId('replay-form');
    await replay.getByLabel('Source topic').fill(orders);
    await replay.getByLabel('Target topic').fill(copy);
    await replay.getByLabel('create it when missing').check();
    await page.getByTestId('replay-plan').click();
    const planId = (await page.getByTestId('replay-plan-id').textContent())?.trim();
    expect(planId).toMatch(/^replay-/);
    expect(await page.getByTestId('replay-remaining').textContent()).toBe('8');
    await page.getByTestId('replay-run').click();
    await page.getByTestId('replay-copied').filter({ hasText: /^8$/ }).waitFor();
    expect((await page.getByTestId('replay-id').textContent())?.trim()).toBe(planId);
    await shot(page, 'replay');
    expect((await admin.fetchTopicOffsets(copy)).reduce((n, p) => n + Number(p.high), 0)).toBe(8);

    // The audit page: the redrive, the reset and the replay, by ada, as they ended.
    await page.goto('/audit');
    const audit = page.getByTestId('audit-row');
    await page.locator('[data-testid="audit-row"][data-action="dead-letters.redrive"][data-outcome="succeeded"]').waitFor();
    await page.locator('[data-testid="audit-row"][data-action="group.reset"][data-outcome="succeeded"]').waitFor();
    await page.locator('[data-testid="audit-row"][data-action="replay"][data-outcome="succeeded"]').waitFor();
    expect(await audit.filter({ hasText: 'ada' }).count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'audit');

    // The explorer and the schemas page, for the docs' screenshots and to see them work on live data.
    await page.goto(`/topics?topic=${encodeURIComponent(orders)}&partition=1`);
    await page.getByTestId('topics-page').waitFor();
    const query = page.getByTestId('topic-query');
    await query.getByLabel('Topic').selectOption(orders);
    await query.getByLabel('Partition').selectOption('1');
    await page.getByTestId('topic-read').click();
    await page.getByTestId('topic-record-row').filter({ hasText: POISON_KEY }).first().waitFor();
    await page.getByTestId('topic-record-row').first().click();
    await page.getByTestId('topic-record-detail').first().waitFor();
    await shot(page, 'topics');
    await page.goto(`/schemas/${encodeURIComponent(`${orders}-${ORDER_PAID}`)}`);
    await page.getByTestId('schema-text').waitFor();
    // A schema that drops a required field without a default is not backward compatible.
    const narrowed = JSON.parse(JSON.stringify(EventCatalog[ORDER_PAID].schema)) as { fields: Array<{ name: string }> };
    narrowed.fields = narrowed.fields.filter((f) => f.name !== 'currency');
    narrowed.fields.push({ name: 'channel', type: 'string' } as { name: string });
    await page.getByTestId('compatibility-form').getByRole('textbox').fill(JSON.stringify(narrowed));
    await page.getByTestId('compatibility-check').click();
    await page.locator('[data-testid="compatibility-result"][data-compatible="false"]').waitFor();
    await shot(page, 'schemas');

    expect(operator.problems).toEqual([]);
    await operator.context.close();
  }, 300_000);
});
