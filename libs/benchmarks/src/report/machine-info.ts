import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { KAFKA_VERSION } from '@eventline/local-kafka';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly node: string;
  readonly kafka: string;
  readonly kafkajs: string;
  /** 1-minute load average when the suite started: how busy the machine already was. */
  readonly loadAverage1m: number;
  readonly brokers: string;
}

export function machineInfo(brokers: string): MachineInfo {
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    kafka: KAFKA_VERSION,
    kafkajs: (require('kafkajs/package.json') as { version: string }).version,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    brokers,
  };
}
