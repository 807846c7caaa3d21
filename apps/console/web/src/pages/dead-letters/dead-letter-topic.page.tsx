import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { DeadLetterPage, RedriveSelection } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useLoad } from '../../hooks/use-load';
import { DeadLetterFilterForm } from './dead-letter-filter.form';
import { filterFromParams, filterIsEmpty, FILTER_FIELDS } from './dead-letter-filter';
import { DeadLetterTable, recordKey } from './dead-letter-table';
import { RedrivePanel } from './redrive.panel';

export const DEAD_LETTER_PAGE_SIZE = 50;

/** One dead-letter topic: filter (in the URL), pages by cursor (older as you go), select, redrive. */
export function DeadLetterTopicPage() {
  const topic = useParams()['topic'] ?? '';
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = JSON.stringify(filter);
  // Cursors of the pages before this one, so "first page" and "previous" need no server state.
  const [cursors, setCursors] = useState<{ key: string; stack: (string | null)[] }>({ key: '', stack: [null] });
  const stack = cursors.key === `${topic}|${filterKey}` ? cursors.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  const page = useLoad(
    () => api.get<DeadLetterPage>(`/api/dead-letters/${seg(topic)}/records`, { ...filter, cursor, limit: DEAD_LETTER_PAGE_SIZE }),
    `${topic}|${filterKey}|${cursor ?? ''}`,
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [redrive, setRedrive] = useState<{ selection: RedriveSelection; label: string } | null>(null);

  const moveTo = (next: (string | null)[]) => setCursors({ key: `${topic}|${filterKey}`, stack: next });
  const applyFilter = (values: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const field of FILTER_FIELDS) if (values[field]) next.set(field, values[field]);
    setParams(next);
    setSelected(new Set());
    setRedrive(null);
  };
  const records = page.data?.records ?? [];
  const selectedRecords = records.filter((r) => selected.has(recordKey(r)));
  // Selections survive paging: keep every selected key, also those of other pages.
  const selectionList = [...selected].map((key) => {
    const [partition, offset] = key.split(':');
    return { partition: Number(partition), offset: offset ?? '' };
  });

  return (
    <section data-testid="dead-letter-topic-page" data-topic={topic}>
      <p className="muted">
        <Link to="/dead-letters">Dead letters</Link> › {topic}
      </p>
      <div className="page-head">
        <h1>{topic}</h1>
        <button type="button" onClick={page.reload}>
          Refresh
        </button>
      </div>
      <DeadLetterFilterForm key={`${topic}|${filterKey}`} filter={filter} onApply={applyFilter} />
      <ErrorMessage error={page.error} />
      {page.loading && !page.data ? <p className="muted">Loading…</p> : null}
      {page.data ? (
        <>
          {page.data.partial ? (
            <p className="notice" data-testid="dead-letter-partial">
              Scanned {page.data.scanned} records; more may match further back.
            </p>
          ) : null}
          <DeadLetterTable topic={topic} records={records} selected={selected} onSelectedChange={setSelected} />
          <div className="actions">
            <button type="button" disabled={stack.length <= 1} onClick={() => moveTo([null])}>
              First page
            </button>
            <button type="button" disabled={stack.length <= 1} onClick={() => moveTo(stack.slice(0, -1))}>
              Newer
            </button>
            <button type="button" disabled={!page.data.nextCursor} onClick={() => moveTo([...stack, page.data?.nextCursor ?? null])} data-testid="dead-letter-next-page">
              Next page (older)
            </button>
            <span className="muted" data-testid="dead-letter-page-info">
              page {stack.length} · {records.length} record(s) · scanned {page.data.scanned}
            </span>
          </div>
          <h2>Redrive</h2>
          <div className="actions">
            <button type="button" disabled={selected.size === 0} onClick={() => setRedrive({ selection: { kind: 'records', records: selectionList }, label: `the ${selected.size} selected record(s)` })} data-testid="redrive-selected">
              Redrive selected ({selected.size})
            </button>
            <button type="button" onClick={() => setRedrive({ selection: { kind: 'filter', filter }, label: filterIsEmpty(filter) ? 'every record in the topic' : 'every record matching the filter' })} data-testid="redrive-matching">
              {filterIsEmpty(filter) ? 'Redrive all' : 'Redrive all matching the filter'}
            </button>
            {selectedRecords.length !== selected.size ? <span className="muted">{selected.size - selectedRecords.length} selected on other pages</span> : null}
          </div>
          {redrive ? <RedrivePanel key={JSON.stringify(redrive.selection)} topic={topic} selection={redrive.selection} label={redrive.label} onClose={() => setRedrive(null)} onDone={page.reload} /> : null}
        </>
      ) : null}
    </section>
  );
}
