import type { RecordView } from '../api/api-types';
import { JsonView } from './json-view';

/** The value decoded through the registry, or its bytes as base64 with why it did not decode. */
export function RecordValue({ record }: { readonly record: RecordView }) {
  if (record.decodeError || record.value === undefined) {
    return (
      <div data-testid="record-undecodable">
        {record.decodeError ? (
          <p className="notice" data-testid="decode-error">
            Not decodable: {record.decodeError.message} <span className="error-code">({record.decodeError.code})</span>
          </p>
        ) : null}
        {record.valueBase64 === null || record.valueBase64 === undefined ? <p className="muted">No value (tombstone).</p> : <pre data-testid="record-base64">{record.valueBase64}</pre>}
      </div>
    );
  }
  return (
    <>
      {record.schemaId !== undefined ? <p className="muted">schema id {record.schemaId}</p> : null}
      <JsonView value={record.value} testId="record-value" />
    </>
  );
}
