import { loadavg } from 'node:os';
import type { AvroCodec } from '@eventline/codec';
import type { BenchContext } from '../bench-context';
import type { CompareArgs } from '../cli-args';
import type { MachineInfo } from '../report/machine-info';
import { formatNumber, formatRatio } from '../support/stats';
import { describeCurrentTree, prepareBaselineTree } from './baseline-tree';
import { compareSizes } from './compare-profile';
import { ARM, COMPARED_SCENARIOS, type Arm, type CompareEnv, type ComparedScenario } from './compared-scenarios';
import { compareRow } from './comparison';
import { Better, Tree, type ComparisonCheck, type ComparisonReport, type ComparisonRow, type ComparisonRun } from './comparison.types';
import { ProbeProcess } from './probe-process';

export interface ComparisonSetup {
  /** The parent's context (the current tree's code): registry, backlogs, the command. */
  readonly ctx: BenchContext;
  readonly root: string;
  readonly compare: CompareArgs;
  readonly only: ReadonlySet<string>;
  readonly brokerPid?: number;
  readonly machine: MachineInfo;
}

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/** The arms in the order repetition `rep` runs them: A B C, B C A, C A B, … so none always goes first. */
export function rotation<T>(arms: readonly T[], rep: number): T[] {
  const shift = (rep - 1) % arms.length;
  return [...arms.slice(shift), ...arms.slice(0, shift)];
}

/** Runs one compared scenario: its warm-up, then every repetition's arms in rotated order. */
class ScenarioRun {
  readonly runs: ComparisonRun[] = [];
  /** Arm → why its tree cannot run it; the arm is skipped from then on. */
  readonly notApplicable = new Map<string, string>();
  readonly failures: string[] = [];

  constructor(
    private readonly scenario: ComparedScenario,
    private readonly env: CompareEnv,
  ) {}

  async run(): Promise<void> {
    const { scenario, env } = this;
    const log = env.ctx.log;
    if (scenario.warmup) {
      const { arms, prepared } = await scenario.warmup(env);
      for (const arm of arms) await this.measure(arm, prepared, 0, 0);
      await env.ctx.topics.cleanup();
    }
    const reps = scenario.reps(env.sizes);
    for (let rep = 1; rep <= reps; rep++) {
      const prepared = (await scenario.prepare?.(env, rep)) ?? '';
      const order = rotation(scenario.arms(env), rep);
      log(`[compare ${scenario.id}] rep ${rep}/${reps}: ${order.map((a) => a.name).join(' → ')}`);
      for (const [i, arm] of order.entries()) await this.measure(arm, prepared, rep, i + 1);
      await env.ctx.topics.cleanup();
    }
  }

  /** rep 0 is the warm-up: measured, printed, not recorded. */
  private async measure(arm: Arm, prepared: string, rep: number, position: number): Promise<void> {
    const { scenario, env } = this;
    if (this.notApplicable.has(arm.name)) return;
    const what = rep === 0 ? 'warm-up' : `rep ${rep} (${ordinal(position)})`;
    try {
      const answer = await arm.probe.request(arm.body(prepared));
      if ('notApplicable' in answer) {
        this.notApplicable.set(arm.name, answer.notApplicable);
        env.ctx.log(`[compare ${scenario.id}] ${arm.name}: not applicable: ${answer.notApplicable}`);
        return;
      }
      for (const f of answer.figures) {
        env.ctx.log(`[compare ${scenario.id}] ${what} ${arm.name}${f.case ? ` ${f.case}` : ''}: ${formatNumber(f.value)} ${f.unit}${rep === 0 ? ' (not recorded)' : ''}`);
        // The load beside each run: on a shared machine it tells which pairs ran while something else did.
        const extra = { ...f.extra, 'load 1m': Math.round(loadavg()[0] * 100) / 100 };
        if (rep > 0) this.runs.push({ scenario: scenario.id, arm: arm.name, tree: arm.probe.tree, case: f.case, rep, position, value: f.value, unit: f.unit, cpu: f.cpu, extra });
      }
    } catch (error) {
      const message = (error as Error).message;
      this.failures.push(`${scenario.id} ${what} ${arm.name} failed: ${message.split('\n')[0]}`);
      env.ctx.log(`[compare ${scenario.id}] ${what} ${arm.name} failed: ${message}`);
    }
  }
}

/** How much one no-op interceptor costs inside the current tree (both arms ran back to back on the same backlog). */
function interceptorCost(runs: readonly ComparisonRun[]): string | undefined {
  const row = compareRow({ scenario: 'S3', figure: '', case: '', baselineArm: ARM.current, currentArm: ARM.intercepted, better: Better.Higher, bound: 0 }, runs);
  if (!row.pairRatio) return undefined;
  return `S3 inside the current tree: with one no-op interceptor / without = ${formatRatio(row.pairRatio.median, 1)} (pairs ${formatRatio(row.pairRatio.min, 1)}–${formatRatio(row.pairRatio.max, 1)}), the interceptor's own cost.`;
}

/**
 * `--compare-with <ref>`: the baseline ref's worktree and this working tree, each in a probe
 * child of its own, measured one after the other in every repetition on the same broker.
 */
export async function runComparison(setup: ComparisonSetup): Promise<{ report: ComparisonReport; failed: boolean }> {
  const { ctx, root, compare, only } = setup;
  const log = ctx.log;
  const baseline = prepareBaselineTree(root, compare.ref, log);
  const current = describeCurrentTree(root, baseline.sha);
  log(`[compare] current: working tree at ${current.sha.slice(0, 12)}${current.dirty ? ' with uncommitted changes' : ''}; differs from the baseline in ${current.changedSinceBaseline.join(', ') || 'nothing'}`);
  const sizes = compareSizes(ctx.profile.name, compare.repetitions);
  const selected = COMPARED_SCENARIOS.filter((s) => only.has(s.id));
  const needsRegistry = selected.some((s) => s.id === 'S2' || s.id === 'S3');
  const registryUrl = needsRegistry ? (await ctx.registry()).url : undefined;

  const probeOptions = { brokers: ctx.brokers, brokerPid: setup.brokerPid, registryUrl, profile: ctx.profile.name, command: ctx.command, log };
  const started: ProbeProcess[] = [];
  const runs: ComparisonRun[] = [];
  const notApplicable = new Map<string, string>();
  const notes: string[] = [];
  let failed = false;
  try {
    // One after the other: two swc-node start-ups at once on a small machine only slow both.
    const baselineProbe = await ProbeProcess.start({ ...probeOptions, tree: Tree.Baseline, root: baseline.root });
    started.push(baselineProbe);
    const currentProbe = await ProbeProcess.start({ ...probeOptions, tree: Tree.Current, root });
    started.push(currentProbe);
    let codec: Promise<AvroCodec> | undefined;
    const env: CompareEnv = { ctx, sizes, probes: { [Tree.Baseline]: baselineProbe, [Tree.Current]: currentProbe }, codec: () => (codec ??= ctx.codec()) };

    for (const scenario of selected) {
      const began = performance.now();
      const run = new ScenarioRun(scenario, env);
      try {
        await run.run();
      } catch (error) {
        run.failures.push(`${scenario.id} stopped: ${(error as Error).message.split('\n')[0]}`);
        log(`[compare ${scenario.id}] stopped: ${(error as Error).stack ?? String(error)}`);
      } finally {
        await ctx.topics.cleanup().catch(() => undefined);
      }
      runs.push(...run.runs);
      for (const [arm, reason] of run.notApplicable) notApplicable.set(`${scenario.id}/${arm}`, reason);
      if (run.failures.length > 0) failed = true;
      notes.push(...run.failures);
      log(`[compare ${scenario.id}] took ${((performance.now() - began) / 1_000).toFixed(1)} s`);
    }
  } finally {
    await Promise.all(started.map((p) => p.close()));
  }

  const rows: ComparisonRow[] = selected.flatMap((s) =>
    s.rows(sizes).map((spec) => compareRow(spec, runs, notApplicable.get(`${s.id}/${spec.currentArm}`) ?? notApplicable.get(`${s.id}/${spec.baselineArm}`))),
  );
  const checks: ComparisonCheck[] = selected.flatMap((s) => s.checks?.(runs) ?? []);
  const cost = only.has('S3') ? interceptorCost(runs) : undefined;
  if (cost) notes.unshift(cost);
  const sameCode = !current.changedSinceBaseline.some((area) => !area.startsWith('libs/benchmarks ') && !area.startsWith('docs '));
  if (sameCode) notes.unshift('Outside libs/benchmarks and docs the two trees hold the same code: these ratios are the noise floor of the comparison on this machine, not a before/after.');

  return {
    failed,
    report: {
      label: compare.label,
      command: ctx.command,
      profile: ctx.profile.name,
      finishedAt: new Date().toISOString(),
      machine: setup.machine,
      baseline,
      current,
      method: [
        `Baseline: a detached worktree of ${compare.ref} (${baseline.sha.slice(0, 12)}) under .cache/bench-baseline/; current: the working tree. ` +
          'Each tree runs in a child process of its own (swc-node with that tree\'s tsconfig, so its `@eventline/*` imports are its own libraries) ' +
          "that runs the tree's own benchmark peers; both children live for the whole invocation and take turns on the same broker, " +
          'the order alternating (rotating, with three arms) per repetition. Ratio = current / baseline within each repetition; the table gives their median, ' +
          'the middle half (25th–75th percentile) and min–max; ±noise is the largest distance of one repetition\'s ratio from that median. ' +
          'A verdict is conclusive when both quartiles agree with it (one repetition hit by a load spike does not decide).',
        ...selected.map((s) => s.describe(sizes)),
      ].join('\n\n'),
      rows,
      checks,
      runs,
      notes,
    },
  };
}
