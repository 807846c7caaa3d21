import type { ScenarioResult } from '../report/result.types';

/**
 * Issue 9 scenarios that have no implementation yet: shown in the report as such (a result
 * with `notMeasured` set, no runs), never with made-up figures. Every scenario is implemented now.
 */
export const NOT_YET_MEASURED: readonly ScenarioResult[] = [];
