/** Where one consumer group member of this app stands, as the health check reports it. */
export const ConsumerState = {
  Starting: 'starting',
  Running: 'running',
  Stopping: 'stopping',
  Stopped: 'stopped',
  /** Stopped by itself: a record could be neither processed nor dead-lettered, or kafkajs gave up. */
  Crashed: 'crashed',
} as const;
export type ConsumerState = (typeof ConsumerState)[keyof typeof ConsumerState];

export interface ConsumerStatus {
  readonly groupId: string;
  readonly state: ConsumerState;
  /** Partitions this member owns now, by topic (empty between a rebalance and the next join). */
  readonly assignment: Readonly<Record<string, readonly number[]>>;
  readonly failure?: string;
}
