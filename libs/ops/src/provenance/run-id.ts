import { randomBytes } from 'node:crypto';
import { badArgument } from '../errors/ops.error';

/** What a run id may hold: it travels in headers and is retyped by people. */
const RUN_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * An id for a replay or redrive run when the operator gives none: sortable by start time and
 * short enough to retype (`replay-20250601T120000-3fa2`). Re-running with the same id resumes.
 */
export function newRunId(kind: 'replay' | 'redrive', now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  return `${kind}-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** A run id given by the operator, as is; `field` names the parameter in the error. */
export function parseRunId(text: string, field = 'runId'): string {
  if (!RUN_ID.test(text)) throw badArgument(`${field} "${text}" may only hold letters, digits and . _ : -`, field);
  return text;
}
