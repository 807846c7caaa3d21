import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a file (reads at most the last 64 KiB), or '' if it is missing. */
export function tailFile(file: string, lines = 30): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}
