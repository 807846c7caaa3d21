import { activeTracer, type Interceptor } from '@eventline/runtime';
import type { TracingVariantSpec } from '../scenarios/tracing-variants.settings';
import { installTracing } from './tracing-sdk';

/** What one traced run did, counted on the way: the proof it ran the variant it is named for. */
export interface SpanCounts {
  /** How often the variant's interceptor was called: once per published event or handler attempt. */
  readonly calls: number;
  /** Spans the SDK recorded (sampled); 0 without an SDK. */
  readonly recording: number;
  /** Spans the BatchSpanProcessor handed to the exporter, after the final flush. */
  readonly exported: number;
  /** Of those, the ones carrying a record offset (ended through the acknowledgement or the handler). */
  readonly exportedWithOffset: number;
}

/** What a traced peer builds its publisher's or consumer's interceptor from. */
export interface TracedArm {
  /**
   * The variant's interceptor: `tracing()` (the runtime's interceptor as the apps install it,
   * no tracer given, so it finds the registered SDK itself) for a tracing variant, nothing for
   * the no-op diagnostic; either behind the same call counter, so the diagnostic is the
   * counter alone and "off" minus the diagnostic is the tracing interceptor's own cost.
   */
  interceptor<I>(tracing: () => Interceptor<I>): Interceptor<I>;
}

/**
 * Runs one peer as the variant says: registers the SDK for its sample ratio (none for "off"
 * and the no-op diagnostic), hands the peer its interceptor, and afterwards flushes and
 * unregisters the SDK (outside the peer's measured window) and returns the counts.
 */
export async function runTraced<R>(spec: TracingVariantSpec, run: (arm: TracedArm) => Promise<R>): Promise<{ readonly result: R; readonly spans: SpanCounts }> {
  const sdk = spec.sampleRatio === undefined ? undefined : installTracing(spec.sampleRatio);
  // The runtime's own test for "an SDK is registered": what its interceptors ask per record.
  const traced = activeTracer() !== undefined;
  if (traced !== (sdk !== undefined)) {
    await sdk?.uninstall();
    throw new Error(`[${spec.label}] the runtime ${traced ? 'sees an SDK that this variant did not register' : 'does not see the SDK this variant registered'}`);
  }
  let calls = 0;
  const arm: TracedArm = {
    interceptor: <I>(tracing: () => Interceptor<I>): Interceptor<I> => {
      if (spec.interceptor === 'noop') {
        return (_invocation, next) => {
          calls++;
          return next();
        };
      }
      const inner = tracing();
      return (invocation, next) => {
        calls++;
        return inner(invocation, next);
      };
    },
  };
  let result: R;
  try {
    result = await run(arm);
  } finally {
    await sdk?.uninstall();
  }
  const exported = sdk?.exporter.counts;
  return { result, spans: { calls, recording: sdk?.recorded.started ?? 0, exported: exported?.exported ?? 0, exportedWithOffset: exported?.withOffset ?? 0 } };
}

export interface TracedExpectation {
  /** Interceptor calls the run must have made at least: one per published event or handled record. */
  readonly calls: number;
  /** Records the publisher sent with a `traceparent` header, when the peer counted them. */
  readonly tracedRecords?: number;
}

/**
 * Refuses a traced run that did not do what its variant says, so a broken variant cannot
 * report a fast figure: every record through the interceptor; without an SDK (the runtime
 * saw none, runTraced checked) nothing recorded and nothing written into the records; at 100 % every span recorded, exported
 * spans whole; at a ratio r, the recorded share within 6 standard deviations of r (a
 * binomial count; far outside it, the sampler is not the one configured).
 */
export function checkTracedRun(spec: TracingVariantSpec, spans: SpanCounts, expected: TracedExpectation): void {
  const fail = (what: string) => {
    throw new Error(`[${spec.label}] ${what} (${JSON.stringify({ ...spans, ...(expected.tracedRecords !== undefined ? { tracedRecords: expected.tracedRecords } : {}) })})`);
  };
  if (spans.calls < expected.calls) fail(`the interceptor ran ${spans.calls} times for ${expected.calls} records`);
  if (spec.sampleRatio === undefined) {
    if (spans.recording !== 0 || spans.exported !== 0) fail('spans recorded without an SDK');
    if (expected.tracedRecords !== undefined && expected.tracedRecords !== 0) fail(`${expected.tracedRecords} records got a traceparent without an SDK`);
    return;
  }
  if (spans.exported > spans.recording) fail('more spans exported than recorded');
  if (spans.exportedWithOffset !== spans.exported) fail('exported spans without a record offset');
  if (spans.exported === 0) fail('no span reached the exporter');
  if (expected.tracedRecords !== undefined && expected.tracedRecords !== spans.recording) fail(`${expected.tracedRecords} records carry a traceparent for ${spans.recording} recorded spans`);
  const ratio = spec.sampleRatio;
  if (ratio === 1) {
    if (spans.recording !== spans.calls) fail(`${spans.recording} of ${spans.calls} spans recorded at 100 %`);
    return;
  }
  const mean = ratio * spans.calls;
  const sigma = Math.sqrt(spans.calls * ratio * (1 - ratio));
  if (Math.abs(spans.recording - mean) > 6 * sigma + 1) fail(`${spans.recording} of ${spans.calls} spans recorded, expected about ${Math.round(mean)} at ${ratio * 100} %`);
}
