import { PublishError, PublishErrorCode } from '@eventline/runtime';
import { connectInBackground } from './background-connect';
import { EventlinePublisher } from './eventline.publisher';

/** Fails `connect` with the queued errors, then succeeds. */
class ScriptedPublisher extends EventlinePublisher {
  attempts = 0;
  connected = false;
  constructor(private readonly failures: Error[]) {
    super();
  }
  async connect(): Promise<void> {
    this.attempts++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.connected = true;
  }
  publish(): Promise<void> {
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const unavailable = () => new PublishError(PublishErrorCode.BrokerUnavailable, 'could not connect to Kafka');

describe('connectInBackground', () => {
  it('keeps trying until Kafka answers, reporting each failed attempt with a growing delay', async () => {
    const publisher = new ScriptedPublisher([unavailable(), unavailable(), unavailable()]);
    const delays: number[] = [];
    await connectInBackground(publisher, { initialDelayMs: 1, maxDelayMs: 3, onAttemptFailed: (_e, next) => delays.push(next) });
    expect(publisher.connected).toBe(true);
    expect(publisher.attempts).toBe(4);
    expect(delays).toEqual([1, 2, 3]);
  });

  it('gives up once the publisher was closed', async () => {
    const publisher = new ScriptedPublisher([unavailable(), new PublishError(PublishErrorCode.Closed, 'the publisher was disconnected')]);
    await connectInBackground(publisher, { initialDelayMs: 1 });
    expect(publisher.connected).toBe(false);
    expect(publisher.attempts).toBe(2);
  });
});
