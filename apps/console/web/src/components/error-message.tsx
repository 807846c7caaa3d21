import { codeOf, messageOf } from '../api/api-error';

/** An API error as one sentence with its code; nothing when there is no error. */
export function ErrorMessage({ error, testId = 'error-message', title }: { readonly error: unknown; readonly testId?: string; readonly title?: string }) {
  if (error === null || error === undefined) return null;
  const code = codeOf(error);
  return (
    <div className="error" role="alert" data-testid={testId} data-code={code ?? undefined}>
      {title ? <strong>{title}: </strong> : null}
      {messageOf(error)}
      {code ? <span className="error-code"> ({code})</span> : null}
    </div>
  );
}
