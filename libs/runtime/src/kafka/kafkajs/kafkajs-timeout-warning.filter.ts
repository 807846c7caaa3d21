/**
 * kafkajs 2.2.4 schedules its request-queue check with `throttledUntil - Date.now()` while
 * `throttledUntil` is still -1 (src/network/requestQueue/index.js, scheduleCheckPendingRequests):
 * a negative delay, which Node has always treated as 1 ms and which Node 24 also reports as a
 * TimeoutNegativeWarning on stderr — once per process, before a CLI's one-line verdict.
 * This drops that one warning and prints every other one as Node would.
 */
let installed = false;

export function filterKafkaJsTimeoutWarning(): void {
  if (installed) return;
  installed = true;
  const defaults = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    if (defaults.length > 0) for (const listener of defaults) listener(warning);
    else process.stderr.write(`(node:${process.pid}) ${warning.name}: ${warning.message}\n`);
  });
}
