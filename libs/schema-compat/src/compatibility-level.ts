/**
 * The compatibility levels Confluent Schema Registry defines, spelled as on its wire
 * (`{"compatibility":"FULL_TRANSITIVE"}`). BACKWARD is Confluent's default.
 */
export const CompatibilityLevel = {
  None: 'NONE',
  Backward: 'BACKWARD',
  BackwardTransitive: 'BACKWARD_TRANSITIVE',
  Forward: 'FORWARD',
  ForwardTransitive: 'FORWARD_TRANSITIVE',
  Full: 'FULL',
  FullTransitive: 'FULL_TRANSITIVE',
} as const;
export type CompatibilityLevel = (typeof CompatibilityLevel)[keyof typeof CompatibilityLevel];

export const DEFAULT_COMPATIBILITY_LEVEL: CompatibilityLevel = CompatibilityLevel.Backward;

const LEVELS: ReadonlySet<string> = new Set(Object.values(CompatibilityLevel));

/** Case-sensitive, like Confluent: "backward" is not a level. */
export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && LEVELS.has(value);
}

/** Which directions a level checks, and against how many earlier versions. */
export interface LevelRule {
  /** The new schema must read data written with the earlier ones. */
  readonly newReadsOld: boolean;
  /** The earlier schemas must read data written with the new one. */
  readonly oldReadsNew: boolean;
  /** Against every earlier (non-deleted) version, not only the latest. */
  readonly transitive: boolean;
}

export const LEVEL_RULES: Readonly<Record<CompatibilityLevel, LevelRule>> = {
  NONE: { newReadsOld: false, oldReadsNew: false, transitive: false },
  BACKWARD: { newReadsOld: true, oldReadsNew: false, transitive: false },
  BACKWARD_TRANSITIVE: { newReadsOld: true, oldReadsNew: false, transitive: true },
  FORWARD: { newReadsOld: false, oldReadsNew: true, transitive: false },
  FORWARD_TRANSITIVE: { newReadsOld: false, oldReadsNew: true, transitive: true },
  FULL: { newReadsOld: true, oldReadsNew: true, transitive: false },
  FULL_TRANSITIVE: { newReadsOld: true, oldReadsNew: true, transitive: true },
};
