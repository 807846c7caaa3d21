/** A decoded value as pretty JSON (longs are already strings in it). */
export function JsonView({ value, testId }: { readonly value: unknown; readonly testId?: string }) {
  return (
    <pre className="json" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
