import type { GroupMemberView } from '../../api/api-types';

const assignmentText = (assignment: GroupMemberView['assignment']): string =>
  Object.entries(assignment)
    .map(([topic, partitions]) => `${topic}: ${partitions.join(', ')}`)
    .join('; ') || '—';

export function MembersTable({ members }: { readonly members: readonly GroupMemberView[] }) {
  if (members.length === 0) return <p className="muted" data-testid="no-members">No active members.</p>;
  return (
    <table data-testid="members-table">
      <thead>
        <tr>
          <th>Member</th>
          <th>Client</th>
          <th>Host</th>
          <th>Partitions</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId} data-testid="member-row" data-member={m.memberId}>
            <td className="mono truncate" title={m.memberId}>
              {m.memberId}
            </td>
            <td>{m.clientId}</td>
            <td>{m.host}</td>
            <td>{assignmentText(m.assignment)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
