import { toJsonSafe } from '@eventline/ops';

export type Column<Row> = readonly [header: string, cell: (row: Row) => string];

/**
 * Where a command's results go: stdout for results (a table, JSON, JSON lines), stderr for
 * progress and notes, so `--json | jq` never sees anything but JSON.
 */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** One JSON document (pretty) — the `--json` result of a command. */
  document(value: unknown): void {
    this.stdout.write(`${JSON.stringify(toJsonSafe(value), null, 2)}\n`);
  }

  /** One JSON line — a record of a stream. */
  jsonLine(value: unknown): void {
    this.stdout.write(`${JSON.stringify(toJsonSafe(value))}\n`);
  }

  table<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, empty = '(none)'): void {
    if (rows.length === 0) {
      this.line(empty);
      return;
    }
    const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
    const widths = columns.map(([header], i) => Math.max(header.length, ...cells.map((r) => r[i].length)));
    const format = (values: readonly string[]) =>
      values
        .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    this.line(format(columns.map(([header]) => header)));
    for (const row of cells) this.line(format(row));
  }
}
