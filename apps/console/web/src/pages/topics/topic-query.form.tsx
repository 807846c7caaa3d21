import { useState, type FormEvent } from 'react';
import type { TopicView } from '../../api/api-types';
import type { TopicQuery } from './topic-query';

/** Topic, partition, a start (offset or time) and filters; submit reads from there. */
export function TopicQueryForm({ topics, query, onRead }: { readonly topics: readonly TopicView[]; readonly query: TopicQuery; readonly onRead: (query: TopicQuery) => void }) {
  const [draft, setDraft] = useState<TopicQuery>(query);
  const [byTime, setByTime] = useState(Boolean(query.fromTime));
  const topic = topics.find((t) => t.name === draft.topic);
  const set = (patch: Partial<TopicQuery>) => setDraft({ ...draft, ...patch });
  function submit(event: FormEvent) {
    event.preventDefault();
    onRead({ ...draft, fromOffset: byTime ? '' : draft.fromOffset, fromTime: byTime ? draft.fromTime : '' });
  }
  return (
    <form className="inline" onSubmit={submit} data-testid="topic-query" aria-label="Read a partition">
      <label>
        Topic
        <select aria-label="Topic" name="topic" value={draft.topic} onChange={(e) => set({ topic: e.target.value, partition: '0', fromOffset: '' })} required>
          <option value="">—</option>
          {topics.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Partition
        <select aria-label="Partition" name="partition" value={draft.partition} onChange={(e) => set({ partition: e.target.value })} required>
          {(topic?.partitions ?? []).map((p) => (
            <option key={p.partition} value={String(p.partition)}>
              {p.partition} (offsets {p.earliest}–{p.latest})
            </option>
          ))}
        </select>
      </label>
      <label>
        Start
        <select aria-label="Start" name="startKind" value={byTime ? 'time' : 'offset'} onChange={(e) => setByTime(e.target.value === 'time')}>
          <option value="offset">at offset</option>
          <option value="time">at time</option>
        </select>
      </label>
      {byTime ? (
        <label>
          Time
          <input name="fromTime" type="datetime-local" step={1} value={draft.fromTime} onChange={(e) => set({ fromTime: e.target.value })} />
        </label>
      ) : (
        <label>
          Offset
          <input name="fromOffset" value={draft.fromOffset} placeholder="earliest" onChange={(e) => set({ fromOffset: e.target.value })} />
        </label>
      )}
      <label>
        Key
        <input name="key" value={draft.key} onChange={(e) => set({ key: e.target.value })} />
      </label>
      <label>
        Event type
        <input name="eventType" value={draft.eventType} onChange={(e) => set({ eventType: e.target.value })} />
      </label>
      <label>
        Header
        <input name="header" value={draft.header} placeholder="name=value" onChange={(e) => set({ header: e.target.value })} />
      </label>
      <button type="submit" className="primary" disabled={!draft.topic} data-testid="topic-read">
        Read
      </button>
    </form>
  );
}
