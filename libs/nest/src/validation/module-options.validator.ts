import { CodecMode } from '@eventline/codec';
import type { EventlineModuleOptions } from '../eventline-module.options';
import { configProblems, EventlineConfigErrorCode } from '../errors/eventline-config.error';

/**
 * Boot check of EventlineModule options. Settings the runtime validates itself (concurrency,
 * timeouts, commit policy) are left to it: it throws at consumer construction, at bootstrap too.
 */
export function validateModuleOptions(options: EventlineModuleOptions): EventlineModuleOptions {
  const problems: string[] = [];
  if (!Array.isArray(options.brokers) || options.brokers.length === 0 || options.brokers.some((b) => typeof b !== 'string' || !b.includes(':'))) {
    problems.push(`brokers must list host:port addresses, e.g. ['127.0.0.1:9092'] (got ${JSON.stringify(options.brokers)})`);
  }
  if (typeof options.schemaRegistryUrl !== 'string' || !/^https?:\/\/.+/.test(options.schemaRegistryUrl)) {
    problems.push(`schemaRegistryUrl must be an http(s) URL, e.g. http://127.0.0.1:8081 (got ${JSON.stringify(options.schemaRegistryUrl)})`);
  }
  if (!Object.values(CodecMode).includes(options.codecMode)) {
    problems.push(`codecMode must be one of ${Object.values(CodecMode).join(', ')} (got ${JSON.stringify(options.codecMode)})`);
  }
  if (options.consumer && (typeof options.consumer.groupId !== 'string' || options.consumer.groupId.trim() === '')) {
    problems.push('consumer.groupId must be a non-empty consumer group id');
  }
  if (options.publisher && (typeof options.publisher.source !== 'string' || options.publisher.source.trim() === '')) {
    problems.push("publisher.source must be a non-empty CloudEvents source, e.g. '/eventline/orders-service'");
  }
  if (options.publisher?.lingerMs !== undefined && !(Number.isInteger(options.publisher.lingerMs) && options.publisher.lingerMs >= 0)) {
    problems.push(`publisher.lingerMs must be a whole number ≥ 0 (got ${options.publisher.lingerMs})`);
  }
  const connectModes = ['startup', 'background'];
  if (options.publisher?.connect !== undefined && !connectModes.includes(options.publisher.connect)) {
    problems.push(`publisher.connect must be one of ${connectModes.join(', ')} (got ${JSON.stringify(options.publisher.connect)})`);
  }
  if (options.tracing !== undefined && typeof options.tracing !== 'boolean') {
    problems.push(`tracing must be true or false (got ${JSON.stringify(options.tracing)})`);
  }
  if (problems.length > 0) throw configProblems(EventlineConfigErrorCode.OptionsInvalid, 'EventlineModule options are invalid', problems);
  return options;
}
