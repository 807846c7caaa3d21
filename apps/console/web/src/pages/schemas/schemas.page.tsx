import { Link, useParams } from 'react-router';
import { api, seg } from '../../api/api';
import type { SubjectView as Subject } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useLoad } from '../../hooks/use-load';
import { SubjectView } from './subject.view';

export function SchemasPage() {
  const selected = useParams()['subject'] ?? null;
  const subjects = useLoad(() => api.get<Subject[]>('/api/schemas/subjects'), 'subjects');
  const subject = subjects.data?.find((s) => s.subject === selected) ?? null;
  return (
    <section data-testid="schemas-page">
      <h1>Schemas</h1>
      <ErrorMessage error={subjects.error} />
      {subjects.data ? (
        <div className="split">
          <nav aria-label="Subjects">
            <table data-testid="schema-subjects">
              <thead>
                <tr>
                  <th>Subject</th>
                  <th className="num">Versions</th>
                </tr>
              </thead>
              <tbody>
                {subjects.data.map((s) => (
                  <tr key={s.subject} className={s.subject === selected ? 'selected' : undefined} data-testid="schema-subject-row" data-subject={s.subject}>
                    <td>
                      <Link to={`/schemas/${seg(s.subject)}`}>{s.subject}</Link>
                    </td>
                    <td className="num">{s.versions.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </nav>
          <div>
            {subject ? <SubjectView key={subject.subject} subject={subject} /> : null}
            {selected && !subject ? <p className="error">No subject {selected}.</p> : null}
            {!selected ? <p className="muted">Pick a subject.</p> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
