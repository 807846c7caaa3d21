import type { FormEvent } from 'react';
import type { TopicView } from '../../api/api-types';
import type { ReplayFormValues } from './replay-request';

const FROM_KINDS = ['earliest', 'offset', 'time'] as const;
const TO_KINDS = ['latest', 'offset', 'time'] as const;

export function ReplayForm({
  values,
  topics,
  busy,
  onChange,
  onSubmit,
}: {
  readonly values: ReplayFormValues;
  readonly topics: readonly TopicView[];
  readonly busy: boolean;
  readonly onChange: (patch: Partial<ReplayFormValues>) => void;
  readonly onSubmit: () => void;
}) {
  const text = (name: keyof ReplayFormValues, label: string, placeholder = '', list?: string) => (
    <label>
      {label}
      <input name={name} value={String(values[name])} placeholder={placeholder} list={list} onChange={(e) => onChange({ [name]: e.target.value })} />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="inline" onSubmit={submit} data-testid="replay-form" aria-label="Replay">
      <datalist id="replay-topics">
        {topics.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      {text('sourceTopic', 'Source topic', 'orders', 'replay-topics')}
      {text('targetTopic', 'Target topic', 'orders.replay', 'replay-topics')}
      <label>
        From
        <select aria-label="From" name="fromKind" value={values.fromKind} onChange={(e) => onChange({ fromKind: e.target.value as ReplayFormValues['fromKind'], fromValue: '' })}>
          {FROM_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      {values.fromKind !== 'earliest' ? (
        <label>
          From {values.fromKind}
          <input name="fromValue" type={values.fromKind === 'time' ? 'datetime-local' : 'text'} step={1} value={values.fromValue} onChange={(e) => onChange({ fromValue: e.target.value })} />
        </label>
      ) : null}
      <label>
        To
        <select aria-label="To" name="toKind" value={values.toKind} onChange={(e) => onChange({ toKind: e.target.value as ReplayFormValues['toKind'], toValue: '' })}>
          {TO_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      {values.toKind !== 'latest' ? (
        <label>
          To {values.toKind}
          <input name="toValue" type={values.toKind === 'time' ? 'datetime-local' : 'text'} step={1} value={values.toValue} onChange={(e) => onChange({ toValue: e.target.value })} />
        </label>
      ) : null}
      {text('partitions', 'Partitions (optional)', 'all')}
      {text('key', 'Key (optional)')}
      {text('eventType', 'Event type (optional)')}
      {text('forGroup', 'For group (optional)', 'only this group re-reads')}
      <label className="check">
        <input type="checkbox" name="createTarget" checked={values.createTarget} onChange={(e) => onChange({ createTarget: e.target.checked })} />
        create it when missing
      </label>
      <button type="submit" disabled={busy} data-testid="replay-plan">
        Show plan
      </button>
    </form>
  );
}
