import { PublishError, PublishErrorCode } from '@eventline/runtime';
import type { EventlinePublisher } from './eventline.publisher';

export interface BackgroundConnectOptions {
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told about each failed attempt (for logs); the loop goes on. */
  readonly onAttemptFailed?: (error: unknown, nextDelayMs: number) => void;
}

/**
 * Connects `publisher` without holding the caller: retries with exponential backoff until it
 * is connected or it was disconnected (a closed publisher refuses to connect, which ends the
 * loop). Until then its publishes fail with PUBLISH_NOT_CONNECTED (retriable) and health
 * reports it disconnected. Resolves when the loop ends; never rejects.
 */
export async function connectInBackground(publisher: EventlinePublisher, options: BackgroundConnectOptions = {}): Promise<void> {
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let delayMs = options.initialDelayMs ?? 250;
  for (;;) {
    try {
      await publisher.connect();
      return;
    } catch (error) {
      if (error instanceof PublishError && error.code === PublishErrorCode.Closed) return;
      options.onAttemptFailed?.(error, delayMs);
    }
    // Unref'd: a retry pending must not keep a stopping process alive.
    await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  }
}
