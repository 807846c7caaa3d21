/**
 * How a schema's registry subject is derived, mirroring the Confluent serializers'
 * `subject.name.strategy` so Java and Node producers agree on subjects:
 *
 * - TopicRecordNameStrategy `<topic>-<record full name>`: our default, because one topic
 *   (`orders`) carries several event types and each needs its own evolution history.
 * - TopicNameStrategy `<topic>-value`: one schema per topic; only fits single-type topics.
 * - RecordNameStrategy `<record full name>`: one history per type across all topics.
 */
export const SubjectNameStrategy = {
  TopicRecordName: 'TopicRecordNameStrategy',
  TopicName: 'TopicNameStrategy',
  RecordName: 'RecordNameStrategy',
} as const;
export type SubjectNameStrategy = (typeof SubjectNameStrategy)[keyof typeof SubjectNameStrategy];

export const DEFAULT_SUBJECT_NAME_STRATEGY: SubjectNameStrategy = SubjectNameStrategy.TopicRecordName;

export interface SubjectNameInput {
  readonly topic: string;
  readonly recordFullName: string;
}

const strategies: Record<SubjectNameStrategy, (input: SubjectNameInput) => string> = {
  [SubjectNameStrategy.TopicRecordName]: ({ topic, recordFullName }) => `${topic}-${recordFullName}`,
  [SubjectNameStrategy.TopicName]: ({ topic }) => `${topic}-value`,
  [SubjectNameStrategy.RecordName]: ({ recordFullName }) => recordFullName,
};

export function subjectName(strategy: SubjectNameStrategy, input: SubjectNameInput): string {
  const derive = strategies[strategy];
  if (!derive) {
    throw new Error(
      `Unknown subject name strategy "${String(strategy)}"; use one of ${Object.values(SubjectNameStrategy).join(', ')}`,
    );
  }
  return derive(input);
}

export function isSubjectNameStrategy(value: unknown): value is SubjectNameStrategy {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(strategies, value);
}
