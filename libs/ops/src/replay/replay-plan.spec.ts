import { OpsErrorCode, OpsRemedy, isOpsError } from '../errors/ops.error';
import { choosePartitionMode, PartitionMode, planReplay } from './replay-plan';

describe('choosePartitionMode', () => {
  const base = { sourceTopic: 'orders', targetTopic: 'orders.copy', keepPartitions: true };

  it.each([
    ['keeps partitions when the target has as many', 4, [0, 1, 2, 3], true, PartitionMode.Keep],
    ['keeps partitions when only low partitions are copied', 2, [0, 1], true, PartitionMode.Keep],
    ['places by key when asked, even with room to keep', 8, [0, 1], false, PartitionMode.ByKey],
    ['places by key when asked and the target is smaller', 1, [0, 5], false, PartitionMode.ByKey],
  ])('%s', (_, targetPartitions, copied, keepPartitions, expected) => {
    expect(choosePartitionMode({ ...base, targetPartitions, copied, keepPartitions })).toBe(expected);
  });

  it('refuses a target with fewer partitions than a copied partition number needs', () => {
    expect.assertions(3);
    try {
      choosePartitionMode({ ...base, targetPartitions: 2, copied: [0, 3] });
    } catch (err) {
      expect(isOpsError(err, OpsErrorCode.TargetTooFewPartitions)).toBe(true);
      expect((err as Error).message).toMatch(/orders\.copy has 2 partition\(s\) but records come from orders partitions up to 3/);
      expect(isOpsError(err) && err.detail.remedy).toBe(OpsRemedy.PlaceByKey);
    }
  });
});

describe('planReplay', () => {
  it('subtracts what the checkpoint found from each range', () => {
    const plan = planReplay({
      replayId: 'r',
      sourceTopic: 's',
      targetTopic: 't',
      partitionMode: PartitionMode.Keep,
      ranges: [
        { partition: 0, from: 0n, to: 10n, count: 10n },
        { partition: 1, from: 5n, to: 8n, count: 3n },
      ],
      copiedIn: (range) => (range.partition === 0 ? 4n : 0n),
    });
    expect(plan.rows.map((r) => [r.partition, r.alreadyCopied, r.remaining])).toEqual([
      [0, 4n, 6n],
      [1, 0n, 3n],
    ]);
    expect(plan.remaining).toBe(9n);
  });
});
