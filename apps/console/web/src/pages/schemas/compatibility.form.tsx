import { useState, type FormEvent } from 'react';
import { api, seg } from '../../api/api';
import type { CompatibilityResult } from '../../api/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../hooks/use-action';

/** Paste a schema, ask the registry whether the subject would accept it. */
export function CompatibilityForm({ subject, initial }: { readonly subject: string; readonly initial: string }) {
  const [schema, setSchema] = useState(initial);
  const check = useAction((text: string) => api.post<CompatibilityResult>(`/api/schemas/subjects/${seg(subject)}/compatibility`, { schema: text }));
  function submit(event: FormEvent) {
    event.preventDefault();
    void check.run(schema);
  }
  const result = check.result;
  return (
    <form onSubmit={submit} data-testid="compatibility-form" aria-label="Compatibility check">
      <label>
        Schema to check against {subject}
        <textarea name="schema" value={schema} onChange={(e) => setSchema(e.target.value)} spellCheck={false} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={check.busy || !schema.trim()} data-testid="compatibility-check">
          Check compatibility
        </button>
      </div>
      <ErrorMessage error={check.error} testId="compatibility-error" />
      {result ? (
        <div className={result.compatible ? 'success' : 'error'} data-testid="compatibility-result" data-compatible={String(result.compatible)}>
          {result.compatible ? 'Compatible' : 'Not compatible'} ({result.level})
          {result.messages.length > 0 ? (
            <ul>
              {result.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
