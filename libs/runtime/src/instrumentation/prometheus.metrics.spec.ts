import { RuntimeEvent, RuntimeInstrumentation, SkipReason } from './runtime-events';
import { RuntimeMetrics } from './prometheus.metrics';

describe('RuntimeMetrics', () => {
  it('turns runtime events into Prometheus series', async () => {
    const instrumentation = new RuntimeInstrumentation();
    const metrics = new RuntimeMetrics();
    const detach = metrics.attach(instrumentation);
    const ref = { groupId: 'g', topic: 'orders', partition: 2 };
    instrumentation.emit(RuntimeEvent.RecordProcessed, { ...ref, offset: '10', eventType: 'T', attempt: 1, durationMs: 3 });
    instrumentation.emit(RuntimeEvent.RecordProcessed, { ...ref, offset: '11', eventType: 'T', attempt: 1, durationMs: 4 });
    instrumentation.emit(RuntimeEvent.RecordDeadLettered, { ...ref, offset: '12', deadLetterTopic: 'orders.dlq', errorCode: 'CODEC_CORRUPT_BODY', attempts: 1 });
    instrumentation.emit(RuntimeEvent.Lag, { ...ref, lag: '42' });
    instrumentation.emit(RuntimeEvent.RecordSkipped, { ...ref, offset: '14', reason: SkipReason.RedriveForOtherGroup, forGroup: 'other' });
    instrumentation.emit(RuntimeEvent.RecordSkipped, { ...ref, offset: '15', reason: SkipReason.RedriveForOtherGroup, forGroup: 'other' });
    instrumentation.emit(RuntimeEvent.RecordSkipped, { ...ref, offset: '16', eventType: 'U', reason: SkipReason.NoRoute });
    const text = await metrics.registry.metrics();
    expect(text).toContain('eventline_records_processed_total{group="g",topic="orders",event_type="T"} 2');
    expect(text).toContain('eventline_dead_letters_total{group="g",topic="orders",error_code="CODEC_CORRUPT_BODY"} 1');
    expect(text).toContain('eventline_consumer_lag{group="g",topic="orders",partition="2"} 42');
    expect(text).toContain('eventline_records_skipped_total{group="g",topic="orders",reason="redrive-for-other-group"} 2');
    expect(text).toContain('eventline_records_skipped_total{group="g",topic="orders",reason="no-route"} 1');
    expect(text).toMatch(/eventline_record_processing_seconds_count\{group="g",topic="orders"\} 2/);

    detach();
    instrumentation.emit(RuntimeEvent.RecordProcessed, { ...ref, offset: '13', eventType: 'T', attempt: 1, durationMs: 1 });
    expect(await metrics.registry.metrics()).toContain('event_type="T"} 2');
  });
});
