/** Runs async writes one at a time, in call order, so no two renames race. */
export interface WriteQueue {
  /** Runs `task` after every earlier one settled; rejects once the queue is closed. */
  run(task: () => Promise<void>): Promise<void>;
  /** Resolves when every task queued so far has settled. */
  idle(): Promise<void>;
  /** Waits for queued tasks, then refuses new ones. */
  close(): Promise<void>;
}

export function createWriteQueue(): WriteQueue {
  let tail: Promise<void> = Promise.resolve();
  let closed = false;

  return {
    run(task) {
      if (closed) return Promise.reject(new Error('metrics store is closed'));
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail,
    async close() {
      closed = true;
      await tail;
    },
  };
}
