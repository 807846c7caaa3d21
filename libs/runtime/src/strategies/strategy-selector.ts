import { ProcessingMode } from '../consumer/event-route';
import { KeyOrderStrategy } from './key-order.strategy';
import { PartitionOrderStrategy } from './partition-order.strategy';
import type { ProcessingStrategy, StrategyContext } from './processing-strategy';

/** Picks the strategy for a processing mode. A new mode is a new strategy file and one line here. */
export function selectStrategy(mode: ProcessingMode, context: StrategyContext): ProcessingStrategy {
  switch (mode) {
    case ProcessingMode.PartitionOrder:
      return new PartitionOrderStrategy(context);
    case ProcessingMode.KeyOrder:
      return new KeyOrderStrategy(context);
  }
}
