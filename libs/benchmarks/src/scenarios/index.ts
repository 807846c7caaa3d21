import type { Scenario } from '../bench-context';
import { s6KeyParallel } from './s6-key-parallel.scenario';

/** In the order they run. */
export const SCENARIOS: readonly Scenario[] = [s6KeyParallel];
