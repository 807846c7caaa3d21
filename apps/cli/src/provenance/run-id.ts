import { randomBytes } from 'node:crypto';

/**
 * An id for a replay or redrive run when the operator gives none: sortable by start time and
 * short enough to retype (`replay-20250601T120000-3fa2`). Re-running with the same id resumes.
 */
export function newRunId(kind: 'replay' | 'redrive', now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  return `${kind}-${stamp}-${randomBytes(2).toString('hex')}`;
}
