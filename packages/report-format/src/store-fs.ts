/** The file operations the metrics store needs, and their node:fs implementation. */
import { randomBytes } from 'node:crypto';
import { appendFile, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** File operations the store uses; any of them can be replaced (tests inject failures). */
export interface StoreFs {
  /** Creates a new file (failing if it exists), writes `data` and flushes it to disk. */
  writeFileSynced(path: string, data: string): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  appendFile(path: string, data: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Last byte of a file, or null when it is absent or empty. */
  readLastByte(path: string): Promise<number | null>;
}

async function writeFileSynced(path: string, data: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function readLastByte(path: string): Promise<number | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] ?? null;
  } finally {
    await handle.close();
  }
}

/** The real file system. */
export const nodeStoreFs: StoreFs = {
  writeFileSynced,
  rename: (fromPath, toPath) => rename(fromPath, toPath),
  appendFile: (path, data) => appendFile(path, data, 'utf8'),
  unlink: (path) => unlink(path),
  readLastByte,
};

let tempCounter = 0;

/** A temp file name beside `path` (same directory, so the rename is atomic), unique per write. */
export function createTempPath(path: string): string {
  tempCounter += 1;
  const unique = `${process.pid}.${tempCounter}.${randomBytes(4).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

/** Replaces `path` atomically: write a synced temp file, then rename it over the target. */
export async function replaceFileAtomically(fs: StoreFs, path: string, data: string) {
  const tempPath = createTempPath(path);
  try {
    await fs.writeFileSynced(tempPath, data);
    await fs.rename(tempPath, path);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
}
