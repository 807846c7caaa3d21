import { context, SpanKind, trace, type Attributes, type Context, type Tracer } from '@opentelemetry/api';
import { failSpan, KAFKA_SYSTEM, MessagingAttribute } from '@eventline/runtime';
import { OPS_TRACER } from './ops-span-attribute';

/** What the record sends of a run hang on. */
export interface RunTrace {
  readonly tracer: Tracer;
  /** The run's span in the context it started in: the parent of every record's send span. */
  readonly context: Context;
  /** False without an SDK, or when the sampler left the run out: then no record is traced. */
  readonly recording: boolean;
}

export interface RunSpanSpec<T> {
  /** `replay <source topic>`, `redrive <dead-letter topic>`. */
  readonly name: string;
  readonly attributes: Attributes;
  /** What the result adds at the end (counts, interrupted). */
  readonly summary: (result: T) => Attributes;
}

/**
 * Runs a replay or a redrive inside a span of its own: INTERNAL (it reads and writes; each
 * record it writes gets its PRODUCER `send` span, see traced-record-writer.ts), child of the
 * active context, so a CLI command's or a console request's span is its parent when the front
 * end is instrumented. A failure sets `error.type` to the error's code (an OpsError's).
 *
 * Only @opentelemetry/api: without an SDK the span does not record, `work` runs as it would
 * without this, and the run's records are written as they are (no per-record work at all).
 */
export async function inRunSpan<T>(spec: RunSpanSpec<T>, work: (run: RunTrace) => Promise<T>): Promise<T> {
  const tracer = trace.getTracer(OPS_TRACER);
  const parent = context.active();
  const span = tracer.startSpan(spec.name, { kind: SpanKind.INTERNAL, attributes: { [MessagingAttribute.System]: KAFKA_SYSTEM, ...spec.attributes } }, parent);
  const run: RunTrace = { tracer, context: trace.setSpan(parent, span), recording: span.isRecording() };
  if (!run.recording) return work(run);
  let result: T;
  try {
    result = await context.with(run.context, () => work(run));
  } catch (error) {
    failSpan(span, error);
    throw error;
  }
  span.setAttributes(spec.summary(result));
  span.end();
  return result;
}
