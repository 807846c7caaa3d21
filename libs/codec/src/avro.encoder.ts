import type { Type } from 'avsc';
import { CodecError, CodecErrorCode } from './errors/codec.error';
import { invalidPaths } from './payload-validation';
import { WIRE_HEADER_SIZE, writeWireHeader } from './wire/confluent-wire-format';

// Bodies are written here first (avsc cannot size a value without writing it), then copied
// once into an exactly-sized output: one allocation per record, like avsc's own toBuffer.
// Shared by all encoders: encoding is synchronous, so no two writes interleave.
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Encodes one schema's payloads; the schema id is resolved before it is built, so `encode` is synchronous. */
export class AvroEncoder<T> {
  constructor(
    readonly schemaId: number,
    readonly subject: string,
    readonly type: Type,
  ) {}

  encode(payload: T): Buffer {
    let end: number;
    try {
      end = this.type.encode(payload, scratch, WIRE_HEADER_SIZE);
      if (end < 0) {
        // avsc returns minus the bytes it lacked; grow once and write again.
        scratch = Buffer.allocUnsafe(Math.max(scratch.length * 2, scratch.length - end));
        end = this.type.encode(payload, scratch, WIRE_HEADER_SIZE);
      }
    } catch (err) {
      throw this.invalid(payload, err);
    }
    const out = Buffer.allocUnsafe(end);
    writeWireHeader(out, this.schemaId);
    scratch.copy(out, WIRE_HEADER_SIZE, WIRE_HEADER_SIZE, end);
    return out;
  }

  /** The problems `encode` would report, without encoding: `[]` when the payload fits. */
  validate(payload: T): string[] {
    return invalidPaths(this.type, payload);
  }

  // Validation runs only after a failed write: avsc's writer already checks every value, so
  // checking up front would double the cost of every good record to describe the rare bad one.
  private invalid(payload: T, cause: unknown): CodecError {
    const paths = invalidPaths(this.type, payload);
    const where = paths.length ? paths.join('; ') : (cause as Error)?.message;
    return new CodecError(CodecErrorCode.InvalidPayload, `payload for subject ${this.subject} does not fit its schema: ${where}`, {
      cause,
      subject: this.subject,
      schemaId: this.schemaId,
      paths,
    });
  }
}
