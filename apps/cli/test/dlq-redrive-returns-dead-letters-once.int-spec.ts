/**
 * Expected: dead letters written with the runtime's `deadLetterHeaders()` are, on
 * `dlq redrive` (dry run first: nothing written), sent back to their source topic and
 * partition — key and value bytes unchanged, dead-letter headers removed, redrive
 * provenance added — filtered by --error-code; a second redrive sends nothing; --force
 * sends again.
 */
import { deadLetterHeaders } from '@eventline/runtime';
import { ProvenanceHeader } from '@eventline/ops';
import { CliTestKit, header, runCli } from './cli-test-kit';

describe('dlq redrive', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('returns dead letters to their source once', async () => {
    const source = await kit.topics.create('redrive', 3);
    const dlq = await kit.topics.createNamed(`${source}.dlq`, 1);
    await kit.topics.createNamed(`${dlq}.redriven`, 1, { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] });
    const dead = (i: number, partition: number, errorCode: string) => ({
      key: `order-${i}`,
      value: Buffer.from([0xde, 0xad, i]),
      headers: {
        ce_type: 'dev.eventline.orders.OrderPaid',
        ...deadLetterHeaders({
          sourceTopic: source,
          sourcePartition: partition,
          sourceOffset: String(100 + i),
          sourceTimestamp: String(Date.now()),
          consumerGroup: 'billing',
          attempts: 3,
          errorClass: 'Error',
          errorCode,
          errorMessage: 'boom',
          failedAt: new Date().toISOString(),
        }),
      },
    });
    await kit.produce(dlq, [dead(1, 2, 'HANDLER_FAILED'), dead(2, 0, 'HANDLER_FAILED'), dead(3, 1, 'CODEC_BAD_MAGIC_BYTE'), dead(4, 2, 'HANDLER_FAILED')]);

    const dry = await runCli(['dlq', 'redrive', dlq, '--error-code', 'HANDLER_FAILED']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: would redrive 3 dead letter/);
    expect([...(await kit.latestOffsets(source)).values()]).toEqual(['0', '0', '0']);

    const run = await runCli(['dlq', 'redrive', dlq, '--error-code', 'HANDLER_FAILED', '--execute', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ sent: 3, filteredOut: 1 });
    const back = await kit.readAll(source);
    expect(back.map((m) => [m.partition, m.key?.toString()])).toEqual([
      [0, 'order-2'],
      [2, 'order-1'],
      [2, 'order-4'],
    ]);
    expect(back[0].value).toEqual(Buffer.from([0xde, 0xad, 2]));
    expect(header(back[0].headers, 'ce_type')).toBe('dev.eventline.orders.OrderPaid');
    expect(Object.keys(back[0].headers ?? {}).filter((h) => h.startsWith('eventline-dlq-'))).toEqual([]);
    expect(header(back[0].headers, ProvenanceHeader.RedriveDlqTopic)).toBe(dlq);
    expect(header(back[0].headers, ProvenanceHeader.RedriveDlqOffset)).toBe('1');

    const again = await runCli(['dlq', 'redrive', dlq, '--execute', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ sent: 1 });
    expect(JSON.parse(again.stdout).skipped).toEqual([{ reason: expect.stringMatching(/already redriven/), records: 3 }]);
    const nothing = await runCli(['dlq', 'redrive', dlq, '--execute', '--json']);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ sent: 0 });
    expect(await kit.readAll(source)).toHaveLength(4);

    const forced = await runCli(['dlq', 'redrive', dlq, '--error-code', 'CODEC_BAD_MAGIC_BYTE', '--execute', '--force', '--json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ sent: 1 });
  });
});
