import { useState, type FormEvent } from 'react';
import type { DeadLetterFilter } from '../../api/api-types';
import { isoToLocalInput, localInputToIso } from '../../components/format';
import { FILTER_FIELDS, type FilterField } from './dead-letter-filter';

const LABELS: Record<FilterField, string> = {
  errorCode: 'Error code',
  sourceTopic: 'Source topic',
  sourcePartition: 'Source partition',
  key: 'Key',
  eventType: 'Event type',
  from: 'Failed from',
  to: 'Failed before',
};

type Draft = Record<FilterField, string>;

const draftFrom = (filter: DeadLetterFilter): Draft => ({
  errorCode: filter.errorCode ?? '',
  sourceTopic: filter.sourceTopic ?? '',
  sourcePartition: filter.sourcePartition === undefined ? '' : String(filter.sourcePartition),
  key: filter.key ?? '',
  eventType: filter.eventType ?? '',
  from: isoToLocalInput(filter.from),
  to: isoToLocalInput(filter.to),
});

/** Edits a draft; Apply hands the filter (as query values, times in ISO) to the page. */
export function DeadLetterFilterForm({ filter, onApply }: { readonly filter: DeadLetterFilter; readonly onApply: (values: Record<FilterField, string>) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(filter));
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, from: localInputToIso(draft.from), to: localInputToIso(draft.to) });
  }
  function clear() {
    const empty = draftFrom({});
    setDraft(empty);
    onApply(empty);
  }
  return (
    <form className="inline" onSubmit={submit} data-testid="dead-letter-filter" aria-label="Filter dead letters">
      {FILTER_FIELDS.map((field) => (
        <label key={field}>
          {LABELS[field]}
          <input
            name={field}
            type={field === 'from' || field === 'to' ? 'datetime-local' : field === 'sourcePartition' ? 'number' : 'text'}
            min={field === 'sourcePartition' ? 0 : undefined}
            step={field === 'from' || field === 'to' ? 1 : undefined}
            value={draft[field]}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="primary" data-testid="dead-letter-filter-apply">
        Apply
      </button>
      <button type="button" onClick={clear}>
        Clear
      </button>
    </form>
  );
}
