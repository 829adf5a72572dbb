import { type FSWatcher, statSync, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** Options of `watchFiles`. */
export interface WatchFilesOptions {
  /** Files to watch; they may not exist yet. */
  paths: string[];
  /** Polling period of the fallback, ms (catches what fs.watch misses). */
  pollIntervalMs: number;
  /** Bursts of events within this window cause one call, ms (default 50). */
  debounceMs?: number;
  onChange: () => void;
}

/** A running watch; `close()` stops every watcher and timer. */
export interface FileWatch {
  close(): void;
}

/**
 * Calls `onChange` when any of the files is created, replaced (rename), written, truncated
 * or deleted. Watches the directories (a watch on the file itself dies when the file is
 * replaced) and polls `stat` as a fallback for file systems where fs.watch is unreliable.
 */
export function watchFiles(options: WatchFilesOptions): FileWatch {
  const names = new Set(options.paths.map((p) => basename(p)));
  const directories = [...new Set(options.paths.map((p) => dirname(p)))];
  const dirWatchers = new Map<string, FSWatcher>();
  const signatures = new Map<string, string>();
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const schedule = () => {
    if (closed || debounce !== undefined) return;
    debounce = setTimeout(() => {
      debounce = undefined;
      if (!closed) options.onChange();
    }, options.debounceMs ?? 50);
  };

  const ensureDirWatchers = () => {
    for (const dir of directories) {
      if (!dirWatchers.has(dir)) tryWatchDirectory(dir, names, dirWatchers, schedule);
    }
  };

  const poll = async () => {
    ensureDirWatchers();
    for (const path of options.paths) {
      const next = await signatureOf(path);
      const previous = signatures.get(path);
      signatures.set(path, next);
      if (previous !== undefined && previous !== next) schedule();
    }
  };

  // The baseline is taken now, so a file created right after start counts as a change.
  for (const path of options.paths) signatures.set(path, signatureOfSync(path));
  ensureDirWatchers();
  const pollTimer = setInterval(() => void poll(), options.pollIntervalMs);
  return {
    close() {
      closed = true;
      clearInterval(pollTimer);
      if (debounce !== undefined) clearTimeout(debounce);
      for (const watcher of dirWatchers.values()) watcher.close();
      dirWatchers.clear();
    },
  };
}

// A missing directory or an exhausted inotify budget is not fatal: polling still works,
// and the next poll tries again.
function tryWatchDirectory(
  dir: string,
  names: Set<string>,
  watchers: Map<string, FSWatcher>,
  onEvent: () => void,
) {
  try {
    const watcher = watch(dir, { persistent: false }, (_event, filename) => {
      if (filename === null || names.has(String(filename))) onEvent();
    });
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  } catch {
    watchers.delete(dir);
  }
}

const describeStat = (info: { ino: number; size: number; mtimeMs: number }): string =>
  `${info.ino}:${info.size}:${info.mtimeMs}`;

async function signatureOf(path: string): Promise<string> {
  try {
    return describeStat(await stat(path));
  } catch {
    return 'missing';
  }
}

function signatureOfSync(path: string): string {
  try {
    return describeStat(statSync(path));
  } catch {
    return 'missing';
  }
}
