import type { Scenario } from '../bench-context';
import { memConsumerRss } from './mem-consumer-rss.scenario';
import { s0Ceiling } from './s0-ceiling.scenario';
import { s1Codec } from './s1-codec.scenario';
import { s2Producer } from './s2-producer.scenario';
import { s3Consumer } from './s3-consumer.scenario';
import { s4Latency } from './s4-latency.scenario';
import { s5Replay } from './s5-replay.scenario';
import { s6KeyParallel } from './s6-key-parallel.scenario';
import { s7Rebalance } from './s7-rebalance.scenario';
import { s8CliStartup } from './s8-cli-startup.scenario';
import { s9DeadLetterPages } from './s9-dead-letter-pages.scenario';

/** In the order they run. */
export const SCENARIOS: readonly Scenario[] = [s0Ceiling, s6KeyParallel, s3Consumer, s1Codec, memConsumerRss, s4Latency, s2Producer, s5Replay, s7Rebalance, s8CliStartup, s9DeadLetterPages];
