import type { MarkdownTable } from './result.types';

/** A GitHub-flavoured table, its caption above; pipes inside cells escaped. */
export function table(t: MarkdownTable): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const lines = [`| ${t.header.map(escape).join(' | ')} |`, `| ${t.header.map(() => '---').join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(escape).join(' | ')} |`)];
  return `${t.caption ? `${t.caption}\n\n` : ''}${lines.join('\n')}\n`;
}
