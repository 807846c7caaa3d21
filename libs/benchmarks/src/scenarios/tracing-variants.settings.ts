/**
 * The tracing variants S2 and S3 measure beside their untraced Eventline run (issue 15, Tests:
 * "S3 and S2 with tracing off (must not regress, 3 %) and on with sampling at 100 % and at
 * 1 %"). Each variant is the same Eventline peer with interceptors installed; what differs is
 * which interceptor and whether an SDK is registered while it runs (support/tracing-sdk.ts).
 */
export const TracingVariant = {
  /** tracingPublishInterceptor / tracingHandlerInterceptor with no SDK registered: the apps' default. */
  Off: 'off',
  /** The same interceptors with an SDK registered, every span sampled. */
  On100: 'on-100',
  /** The same, 1 % of traces sampled (TraceIdRatioBasedSampler). */
  On1: 'on-1',
  /** Diagnostic: one no-op interceptor, no tracing, which tells the interceptor mechanism's cost from the tracing interceptor's. */
  NoopInterceptor: 'noop',
} as const;
export type TracingVariant = (typeof TracingVariant)[keyof typeof TracingVariant];

export interface TracingVariantSpec {
  readonly variant: TracingVariant;
  /** The peer's name in the run log and the report. */
  readonly label: string;
  readonly interceptor: 'tracing' | 'noop';
  /** The root sampler's ratio when an SDK is registered; undefined: no SDK. */
  readonly sampleRatio?: number;
}

export const TRACING_VARIANTS: Readonly<Record<TracingVariant, TracingVariantSpec>> = {
  [TracingVariant.Off]: { variant: TracingVariant.Off, label: 'tracing off (tracing interceptor, no SDK)', interceptor: 'tracing' },
  [TracingVariant.On100]: { variant: TracingVariant.On100, label: 'tracing on, 100 % sampled', interceptor: 'tracing', sampleRatio: 1 },
  [TracingVariant.On1]: { variant: TracingVariant.On1, label: 'tracing on, 1 % sampled', interceptor: 'tracing', sampleRatio: 0.01 },
  [TracingVariant.NoopInterceptor]: { variant: TracingVariant.NoopInterceptor, label: 'diagnostic: 1 no-op interceptor, no tracing', interceptor: 'noop' },
};

/** Issue 15: with tracing off, throughput must stay within 3 % of the run without interceptors. */
export const TRACING_OFF_BOUND = 0.97;

/** What S2 and S3 run, in this order after their own peers; an empty list measures no tracing. */
export const TRACED_PEERS: readonly TracingVariant[] = [TracingVariant.Off, TracingVariant.On100, TracingVariant.On1, TracingVariant.NoopInterceptor];
