import { api } from '../../api/api';
import type { Overview } from '../../api/api-types';
import { AsOf } from '../../components/as-of';
import { ErrorMessage } from '../../components/error-message';
import { usePoll } from '../../hooks/use-poll';
import { DeadLetterCounts } from './dead-letter-counts';
import { GroupsTable } from './groups-table';
import { TopicsTable } from './topics-table';

export const OVERVIEW_POLL_MS = 5_000;

export function OverviewPage() {
  const polled = usePoll(() => api.get<Overview>('/api/overview'), OVERVIEW_POLL_MS, 'overview');
  const overview = polled.data;
  return (
    <section data-testid="overview-page">
      <div className="page-head">
        <h1>Overview</h1>
        <AsOf asOf={overview?.asOf} polled={polled} />
      </div>
      {!overview ? <ErrorMessage error={polled.error} /> : null}
      {overview ? (
        <>
          <h2>Consumer groups</h2>
          <GroupsTable groups={overview.groups} />
          <h2>Dead letters</h2>
          <DeadLetterCounts deadLetters={overview.deadLetters} />
          <h2>Topics</h2>
          <TopicsTable topics={overview.topics} />
        </>
      ) : null}
    </section>
  );
}
