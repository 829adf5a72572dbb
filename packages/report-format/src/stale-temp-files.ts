/** Cleanup of temp files left by writers that were killed between write and rename. */
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `.<name>.<pid>.*.tmp` beside `path` whose writer process is gone; best effort. */
export async function removeStaleTempFiles(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  let removed = 0;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(join(dirname(path), name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
