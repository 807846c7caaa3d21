/**
 * The batching every consuming peer gets: the EventConsumer's defaults, given to the raw
 * kafkajs and NestJS peers too, so no peer fetches bigger or longer than another.
 */
export const FETCH = {
  maxBytesPerPartition: 1024 * 1024,
  maxBytes: 8 * 1024 * 1024,
  maxWaitTimeInMs: 200,
  sessionTimeout: 30_000,
  heartbeatInterval: 3_000,
} as const;

/** Partitions of every throughput topic, and partitions consumed at once by every peer. */
export const PARTITIONS = 6;
