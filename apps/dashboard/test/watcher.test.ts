import { mkdirSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, it } from 'vitest';
import { type FileWatch, watchFiles } from '../src/watcher.js';

// Real files and real fs events: each step waits (bounded) for a new call, never a fixed sleep.

let watch: FileWatch | undefined;
const dir = mkdtempSync(join(tmpdir(), 'buddy-dashboard-watch-'));
afterEach(() => watch?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startWatching(paths: string[], pollIntervalMs = 60_000) {
  let calls = 0;
  watch = watchFiles({ paths, pollIntervalMs, debounceMs: 10, onChange: () => calls++ });
  return {
    calls: () => calls,
    /** Resolves once onChange ran again after `before`, fails after 10 s. */
    async changedSince(before: number): Promise<void> {
      const deadline = Date.now() + 10_000;
      while (calls === before) {
        if (Date.now() > deadline) throw new Error('no change reported within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

describe('watchFiles', () => {
  it('reports creation, replacement by rename, truncation and deletion', async () => {
    const path = join(dir, 'a.json');
    const watcher = startWatching([path]);

    let before = watcher.calls();
    writeFileSync(path, '{}');
    await watcher.changedSince(before);

    before = watcher.calls();
    writeFileSync(`${path}.tmp`, '{"b":1}');
    renameSync(`${path}.tmp`, path);
    await watcher.changedSince(before);

    before = watcher.calls();
    truncateSync(path, 0);
    await watcher.changedSince(before);

    before = watcher.calls();
    rmSync(path);
    await watcher.changedSince(before);
  });

  it('falls back to polling when the directory does not exist yet', async () => {
    const lateDir = join(dir, 'later');
    const path = join(lateDir, 'm.json');
    const watcher = startWatching([path], 50);
    mkdirSync(lateDir);
    writeFileSync(path, '{}');
    await watcher.changedSince(0);
  });
});
