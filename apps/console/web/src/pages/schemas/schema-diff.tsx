import { diffLines } from 'diff';
import type { SchemaVersionView } from '../../api/api-types';

/** A line diff of two schema versions (both pretty-printed by the server, so lines compare). */
export function SchemaDiff({ from, to }: { readonly from: SchemaVersionView; readonly to: SchemaVersionView }) {
  const changes = diffLines(from.schema, to.schema);
  const lines = changes.flatMap((change, i) =>
    change.value
      .replace(/\n$/, '')
      .split('\n')
      .map((line, j) => ({ key: `${i}:${j}`, line, kind: change.added ? 'added' : change.removed ? 'removed' : 'same' })),
  );
  const changed = changes.some((c) => c.added || c.removed);
  return (
    <div data-testid="schema-diff">
      <p className="muted">
        version {from.version} (id {from.id}) → version {to.version} (id {to.id}){changed ? '' : ': identical'}
      </p>
      <div className="diff">
        {lines.map(({ key, line, kind }) => (
          <div key={key} className={kind === 'same' ? undefined : kind} data-change={kind}>
            {kind === 'added' ? '+ ' : kind === 'removed' ? '- ' : '  '}
            {line}
          </div>
        ))}
      </div>
    </div>
  );
}
