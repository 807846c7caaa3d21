import { Link, useParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { GroupView } from '../../api/api-types';
import { AsOf } from '../../components/as-of';
import { ErrorMessage } from '../../components/error-message';
import { usePoll } from '../../hooks/use-poll';
import { LagChart } from './lag-chart';
import { MembersTable } from './members-table';
import { PartitionsTable } from './partitions-table';
import { ResetForm } from './reset-form';

export const GROUP_POLL_MS = 5_000;

export function GroupPage() {
  const groupId = useParams()['groupId'] ?? '';
  const polled = usePoll(() => api.get<GroupView>(`/api/groups/${seg(groupId)}`), GROUP_POLL_MS, groupId);
  const group = polled.data;
  return (
    <section data-testid="group-page" data-group={groupId}>
      <p className="muted">
        <Link to="/">Overview</Link> › consumer group
      </p>
      <div className="page-head">
        <h1>{groupId}</h1>
        <AsOf asOf={group?.asOf} polled={polled} />
      </div>
      {!group ? <ErrorMessage error={polled.error} /> : null}
      {group ? (
        <>
          <dl className="facts">
            <dt>State</dt>
            <dd>
              <span className={`state state-${group.state.toLowerCase()}`} data-testid="group-state">
                {group.state}
              </span>
            </dd>
            <dt>Protocol</dt>
            <dd>{group.protocol || '—'}</dd>
            <dt>Members</dt>
            <dd data-testid="group-member-count">{group.members.length}</dd>
          </dl>
          <h2>Lag over the last minutes</h2>
          <LagChart history={group.lagHistory} />
          <h2>Partitions</h2>
          <PartitionsTable partitions={group.partitions} />
          <h2>Members</h2>
          <MembersTable members={group.members} />
          <h2>Reset offsets</h2>
          <ResetForm group={group} />
        </>
      ) : null}
    </section>
  );
}
