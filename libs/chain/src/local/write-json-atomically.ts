import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `value` as JSON to `file` so that a reader (another container polling a shared volume) sees either no
 * file or the whole of it, never a half-written one: the text goes to a temporary file in the same directory,
 * which is then renamed over `file` (a rename within one file system is atomic).
 */
export function writeJsonAtomically(file: string, value: unknown): void {
  const directory = path.dirname(file);
  mkdirSync(directory, { recursive: true });
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
