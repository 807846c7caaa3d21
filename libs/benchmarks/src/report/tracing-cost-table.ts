import { TRACING_OFF_BOUND, TRACING_VARIANTS, TracingVariant, type TracingVariantSpec } from '../scenarios/tracing-variants.settings';
import type { RunLog } from '../support/run-log';
import { formatMargin, formatNumber, formatRatio, formatSummary, median, summarize, type Summary } from '../support/stats';
import type { SpanCounts } from '../support/traced-run';
import type { MarkdownTable, RunFigure, TargetCheck } from './result.types';

/** The per-run extras a traced run logs (RunFigure.extra), read back by the table. */
export function spanExtras(spans: SpanCounts): Record<string, number> {
  return { 'interceptor calls': spans.calls, 'spans recorded': spans.recording, 'spans exported': spans.exported, 'spans dropped': spans.recording - spans.exported };
}

const cpuRate = (records: number) => (run: RunFigure) => records / (run.cpu?.nodeCpuSeconds ?? Number.NaN);

/**
 * A variant against the untraced run of the same repetition, one ratio per repetition: the
 * peers of a repetition ran back to back on the same broker and load, so pairing them takes
 * the drift between repetitions out of the ratio.
 */
function pairedRatios(log: RunLog, peer: string, untraced: string, value: (run: RunFigure) => number): Summary | undefined {
  const base = new Map(log.of(untraced).map((r) => [r.rep, value(r)]));
  const ratios = log.of(peer).flatMap((r) => {
    const b = base.get(r.rep);
    return b === undefined || !(b > 0) ? [] : [value(r) / b];
  });
  return ratios.length > 0 ? summarize(ratios) : undefined;
}

const formatPaired = (s: Summary | undefined) => (s ? `${s.median.toFixed(3)}× (${s.min.toFixed(3)}–${s.max.toFixed(3)})` : '—');

/**
 * The tracing variants beside the untraced Eventline peer: throughput and records per node
 * CPU-second, each as a ratio to the untraced run of the same repetition, and the spans the
 * runs recorded and exported (medians per run).
 */
export function tracingCostTable(log: RunLog, untraced: string, variants: readonly TracingVariant[], records: number): MarkdownTable {
  const extra = (peer: string, name: string) => median(log.of(peer).map((r) => Number(r.extra?.[name] ?? Number.NaN)));
  const base = log.required(untraced);
  const rows = variants.map((variant) => {
    const { label } = TRACING_VARIANTS[variant];
    const s = log.required(label);
    const perCpu = median(log.of(label).map(cpuRate(records)));
    return [
      label,
      formatSummary(s),
      formatPaired(pairedRatios(log, label, untraced, (r) => r.value)),
      formatRatio(s.median, base.median, 3),
      formatNumber(perCpu),
      formatPaired(pairedRatios(log, label, untraced, cpuRate(records))),
      `${formatNumber(extra(label, 'spans recorded'))} / ${formatNumber(extra(label, 'spans exported'))} / ${formatNumber(extra(label, 'spans dropped'))}`,
    ];
  });
  return {
    caption: `Tracing cost (issue 15): each variant against "${untraced}" (${formatSummary(base)} rec/s, ${formatNumber(median(log.of(untraced).map(cpuRate(records))))} records per node CPU-second).`,
    header: ['variant', 'rec/s', 'vs untraced, per repetition (median, min–max)', 'vs untraced, medians', 'records per node CPU-second', 'CPU-second rate vs untraced, per repetition', 'spans recorded / exported / dropped per run (median)'],
    rows,
  };
}

/**
 * A note per variant whose BatchSpanProcessor dropped spans: its default queue (2,048) filled
 * faster than one export at a time drained it, so a collector would miss those spans.
 */
export function tracingNotes(log: RunLog, variants: readonly TracingVariant[]): string[] {
  return variants.flatMap((variant) => {
    const { label } = TRACING_VARIANTS[variant];
    const runs = log.of(label);
    const dropped = runs.map((r) => Number(r.extra?.['spans dropped'] ?? 0));
    if (!dropped.some((d) => d > 0)) return [];
    const recorded = median(runs.map((r) => Number(r.extra?.['spans recorded'] ?? 0)));
    return [
      `${label}: the BatchSpanProcessor dropped ${formatNumber(median(dropped))} of ${formatNumber(recorded)} spans per run (median; ${formatNumber(Math.min(...dropped))}–${formatNumber(Math.max(...dropped))}) ` +
        'at its default queue of 2,048 spans (OTEL_BSP_MAX_QUEUE_SIZE): spans ended faster than one export in flight drained them.',
    ];
  });
}

/** Issue 15's bound on "off": the median of the per-repetition throughput ratios. */
export function tracingOffTarget(scenario: string, log: RunLog, untraced: string): TargetCheck {
  const paired = pairedRatios(log, TRACING_VARIANTS[TracingVariant.Off].label, untraced, (r) => r.value);
  const name = `${scenario} tracing off (interceptor installed, no SDK) vs no interceptor`;
  if (!paired) return { name, target: `≥ ${TRACING_OFF_BOUND.toFixed(2)}×`, measured: '—', met: null, margin: '—' };
  return { name, target: `≥ ${TRACING_OFF_BOUND.toFixed(2)}×`, measured: `${paired.median.toFixed(3)}×`, met: paired.median >= TRACING_OFF_BOUND, margin: formatMargin(paired.median, TRACING_OFF_BOUND) };
}

/** A sentence for the scenario's method: what the variants are and how they are checked. */
export function tracingMethod(variants: readonly TracingVariantSpec[], side: 'publish' | 'consume'): string {
  if (variants.length === 0) return '';
  const interceptor = side === 'publish' ? '`tracingPublishInterceptor()` (a PRODUCER span per event, traceparent and ce_traceparent written into the record)' : '`tracingHandlerInterceptor()` (a CONSUMER span per handler attempt)';
  return (
    ` Tracing variants (issue 15), the Eventline peer again with ${interceptor} as the apps install it (no tracer given: it looks for the registered SDK itself), ` +
    `behind a call counter; the no-op diagnostic is that counter alone: ${variants.map((v) => `"${v.label}"`).join(', ')}. ` +
    '"On" registers, for that run only, a BasicTracerProvider with a parent-based sampler (always on, or TraceIdRatioBasedSampler(0.01)), a BatchSpanProcessor ' +
    'with its default queue (2,048 spans, batches of 512) and an exporter that counts and discards (no serialization, no network), the AsyncLocalStorage context ' +
    'manager and the W3C propagator, and unregisters them afterwards (trace/context/propagation.disable()); "off" registers nothing. ' +
    'Each traced run is checked after its window: the interceptor ran for every record; off: no span recorded' +
    (side === 'publish' ? ' and no record sent with a traceparent' : '') +
    '; on: the recorded share matches the sampler (exactly every span at 100 %), exported spans carry their record offset' +
    (side === 'publish' ? ', and as many records carry a traceparent as spans recorded' : '') +
    '. Dropped = recorded − exported (the processor\'s queue was full). Each peer goes first in turn and even repetitions run the list backward, so no variant always follows the same peer.' +
    (side === 'consume' ? ' The backlog carries no trace context (written by an untraced producer, as for every peer), so every process span is a root span, sampled by the consumer\'s own sampler; reading an incoming traceparent is not in these figures.' : '')
  );
}
