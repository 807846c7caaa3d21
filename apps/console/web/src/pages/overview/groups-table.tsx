import { Link } from 'react-router';
import { seg } from '../../api/api';
import type { OverviewGroup } from '../../api/api-types';
import { orDash } from '../../components/format';

export function GroupsTable({ groups }: { readonly groups: readonly OverviewGroup[] }) {
  if (groups.length === 0) return <p className="muted">No consumer groups.</p>;
  return (
    <table data-testid="groups-table">
      <thead>
        <tr>
          <th>Group</th>
          <th>State</th>
          <th className="num">Members</th>
          <th className="num">Total lag</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.groupId} data-testid="group-row" data-group={group.groupId}>
            <td>
              <Link to={`/groups/${seg(group.groupId)}`}>{group.groupId}</Link>
            </td>
            <td>
              <span className={`state state-${group.state.toLowerCase()}`}>{group.state}</span>
            </td>
            <td className="num">{group.members}</td>
            <td className="num" data-testid="group-lag">
              {orDash(group.totalLag)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
