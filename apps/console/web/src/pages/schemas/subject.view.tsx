import { useSearchParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { SchemaVersionView, SubjectView } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useLoad } from '../../hooks/use-load';
import { CompatibilityForm } from './compatibility.form';
import { SchemaDiff } from './schema-diff';

const loadVersion = (subject: string, version: number) => api.get<SchemaVersionView>(`/api/schemas/subjects/${seg(subject)}/versions/${version}`);

/** One subject: its versions, the schema of one (`?v=`), a diff against another (`?diff=`). */
export function SubjectView({ subject }: { readonly subject: SubjectView }) {
  const [params, setParams] = useSearchParams();
  const versions = [...subject.versions].sort((a, b) => a - b);
  const latest = versions[versions.length - 1] ?? 1;
  const version = Number(params.get('v') ?? latest);
  const against = params.get('diff') ? Number(params.get('diff')) : null;
  const shown = useLoad(() => loadVersion(subject.subject, version), `${subject.subject}|${version}`);
  const other = useLoad(() => (against === null ? Promise.resolve(null) : loadVersion(subject.subject, against)), `${subject.subject}|${against ?? ''}`);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    setParams(next);
  };

  return (
    <div data-testid="subject-view" data-subject={subject.subject}>
      <h2>{subject.subject}</h2>
      <div className="actions" data-testid="schema-versions">
        Versions:
        {versions.map((v) => (
          <button key={v} type="button" className={v === version ? 'primary' : undefined} onClick={() => set({ v: String(v) })} aria-pressed={v === version} data-testid="schema-version">
            {v}
          </button>
        ))}
        <label className="check">
          diff against
          <select aria-label="Diff against" value={against ?? ''} onChange={(e) => set({ diff: e.target.value || null })} data-testid="schema-diff-against">
            <option value="">—</option>
            {versions
              .filter((v) => v !== version)
              .map((v) => (
                <option key={v} value={v}>
                  version {v}
                </option>
              ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={shown.error ?? other.error} />
      {shown.data && other.data ? <SchemaDiff from={other.data.version < shown.data.version ? other.data : shown.data} to={other.data.version < shown.data.version ? shown.data : other.data} /> : null}
      {shown.data && !other.data ? (
        <>
          <p className="muted">
            version {shown.data.version}, id {shown.data.id}
          </p>
          <pre data-testid="schema-text">{shown.data.schema}</pre>
        </>
      ) : null}
      <h3>Compatibility check</h3>
      {shown.data ? <CompatibilityForm key={subject.subject} subject={subject.subject} initial={shown.data.schema} /> : null}
    </div>
  );
}
