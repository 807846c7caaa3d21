import { chmodSync, writeFileSync } from 'node:fs';

/**
 * Writes a file only its owner can read (keys, passwords). The mode is set at creation, and
 * again afterwards because writeFileSync keeps the mode of a file that already existed.
 */
export function writePrivateFile(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}
