import { CONSUMER_FETCH_DEFAULTS } from '@eventline/runtime';

/**
 * The batching every consuming peer gets: the EventConsumer's defaults, given to the raw
 * kafkajs and NestJS peers (and Kafka's consumer perf tool) too, so no peer fetches bigger or
 * longer than another.
 */
export const FETCH = {
  maxBytesPerPartition: CONSUMER_FETCH_DEFAULTS.maxBytesPerPartition,
  maxBytes: CONSUMER_FETCH_DEFAULTS.maxBytes,
  maxWaitTimeInMs: CONSUMER_FETCH_DEFAULTS.maxWaitTimeMs,
  sessionTimeout: 30_000,
  heartbeatInterval: 3_000,
} as const;

/** Partitions of every throughput topic, and partitions consumed at once by every peer. */
export const PARTITIONS = 6;
