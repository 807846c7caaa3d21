/** Median and spread of one peer's repetitions: what every table in the report shows. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** (max − min) / median, in percent: how far apart the repetitions landed. */
export function spreadPercent(summary: Summary): number {
  return summary.median === 0 ? 0 : ((summary.max - summary.min) / summary.median) * 100;
}

/** Whole numbers get thousands separators; small ones keep up to `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** `12,345 (11,900–12,800)`: the median, then the spread of the repetitions. */
export function formatSummary(summary: Summary, digits = 1): string {
  if (summary.n === 1) return formatNumber(summary.median, digits);
  return `${formatNumber(summary.median, digits)} (${formatNumber(summary.min, digits)}–${formatNumber(summary.max, digits)})`;
}

/** `0.92×`; a dash when the ratio cannot be formed (missing or zero denominator). */
export function formatRatio(numerator: number | undefined, denominator: number | undefined, digits = 2): string {
  if (numerator === undefined || denominator === undefined || !Number.isFinite(numerator) || !denominator) return '—';
  return `${(numerator / denominator).toFixed(digits)}×`;
}

/** How far a measured ratio is from its target, as the report words it: `+38 %` above, `−12 %` short. */
export function formatMargin(measured: number, target: number): string {
  if (!target) return '—';
  const percent = ((measured - target) / target) * 100;
  const sign = percent >= 0 ? '+' : '−';
  return `${sign}${Math.abs(percent).toFixed(0)} %`;
}
