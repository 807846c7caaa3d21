import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { DeadLetterDetail } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { formatDateTime, orDash } from '../../components/format';
import { HeadersTable } from '../../components/headers-table';
import { RecordValue } from '../../components/record-value';
import { useLoad } from '../../hooks/use-load';
import { RedrivePanel } from './redrive.panel';

export function DeadLetterDetailPage() {
  const params = useParams();
  const topic = params['topic'] ?? '';
  const partition = params['partition'] ?? '';
  const offset = params['offset'] ?? '';
  const detail = useLoad(() => api.get<DeadLetterDetail>(`/api/dead-letters/${seg(topic)}/records/${seg(partition)}/${seg(offset)}`), `${topic}|${partition}|${offset}`);
  const [redriving, setRedriving] = useState(false);
  const dl = detail.data?.deadLetter;
  const record = detail.data?.record;
  return (
    <section data-testid="dead-letter-detail-page" data-partition={partition} data-offset={offset}>
      <p className="muted">
        <Link to="/dead-letters">Dead letters</Link> › <Link to={`/dead-letters/${seg(topic)}`}>{topic}</Link> › {partition} @ {offset}
      </p>
      <div className="page-head">
        <h1>
          {topic} partition {partition} @ {offset}
        </h1>
        {dl?.alreadyRedriven ? (
          <span className="badge redriven" data-testid="already-redriven">
            already redriven
          </span>
        ) : null}
      </div>
      <ErrorMessage error={detail.error} />
      {detail.loading && !detail.data ? <p className="muted">Loading…</p> : null}
      {dl && record ? (
        <>
          <div className="card">
            <h2>Error</h2>
            <dl className="facts" data-testid="dead-letter-error">
              <dt>Code</dt>
              <dd className="mono" data-testid="detail-error-code">
                {orDash(dl.errorCode)}
              </dd>
              <dt>Class</dt>
              <dd className="mono" data-testid="detail-error-class">
                {orDash(dl.errorClass)}
              </dd>
              <dt>Message</dt>
              <dd data-testid="detail-error-message">{orDash(dl.errorMessage)}</dd>
              <dt>Attempts</dt>
              <dd data-testid="detail-attempts">{orDash(dl.attempts)}</dd>
              <dt>Failed at</dt>
              <dd>{formatDateTime(dl.failedAt)}</dd>
              <dt>Source</dt>
              <dd data-testid="detail-source">
                {orDash(dl.sourceTopic)} partition <span data-testid="detail-source-partition">{orDash(dl.sourcePartition)}</span> offset <span data-testid="detail-source-offset">{orDash(dl.sourceOffset)}</span>
              </dd>
              <dt>Consumer group</dt>
              <dd>{orDash(dl.consumerGroup)}</dd>
              <dt>Key</dt>
              <dd className="mono">{orDash(record.key)}</dd>
              <dt>Event type</dt>
              <dd>{orDash(dl.eventType)}</dd>
              <dt>Written</dt>
              <dd>{formatDateTime(record.timestamp)}</dd>
            </dl>
            {dl.errorStack ? (
              <>
                <h3>Stack</h3>
                <pre data-testid="detail-error-stack">{dl.errorStack}</pre>
              </>
            ) : null}
          </div>
          <h2>Value</h2>
          <RecordValue record={record} />
          <h2>Headers</h2>
          <HeadersTable headers={record.headers} />
          <h2>Redrive</h2>
          {redriving ? (
            <RedrivePanel topic={topic} selection={{ kind: 'records', records: [{ partition: record.partition, offset: record.offset }] }} label="this record" onClose={() => setRedriving(false)} onDone={detail.reload} />
          ) : (
            <button type="button" onClick={() => setRedriving(true)} data-testid="redrive-one">
              Redrive this record…
            </button>
          )}
        </>
      ) : null}
    </section>
  );
}
