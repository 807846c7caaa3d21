import type { RecordHeaders } from '../kafka/consumed-record';
import { redriveTargetGroup } from '../dead-letter/dead-letter-headers';

/**
 * Whether a record is this group's to process. A redriven dead letter names the group that
 * failed it (RedriveHeader.ForGroup); every other group reading the topic processed the
 * original already, and running its handler again would repeat its effects. Returns the
 * group named when it is another one: the record is then finished without a handler, so the
 * commit moves past it as past any finished record and a restart does not see it again.
 *
 * A record that names no group, or this one, is processed as usual. Group ids compare
 * exactly: Kafka's group ids are case-sensitive strings.
 */
export function redriveForOtherGroup(headers: RecordHeaders | undefined, groupId: string): string | undefined {
  const forGroup = redriveTargetGroup(headers);
  return forGroup !== undefined && forGroup !== groupId ? forGroup : undefined;
}
