/**
 * Links many per-request controllers to a few caller signals with ONE listener per signal:
 * thousands of in-flight requests sharing the run's signal would otherwise each add a
 * listener (and trip Node's listener-leak warning).
 */
export interface AbortFanout {
  /** Aborts `controller` when `signal` aborts; call the returned function when done. */
  link(signal: AbortSignal, controller: AbortController): () => void;
}

/** Creates an abort fan-out. */
export function createAbortFanout(): AbortFanout {
  const linked = new WeakMap<AbortSignal, Set<AbortController>>();

  const listen = (signal: AbortSignal): Set<AbortController> => {
    const controllers = new Set<AbortController>();
    linked.set(signal, controllers);
    signal.addEventListener(
      'abort',
      () => {
        for (const controller of controllers) controller.abort(signal.reason);
        controllers.clear();
      },
      { once: true },
    );
    return controllers;
  };

  return {
    link(signal, controller) {
      if (signal.aborted) {
        controller.abort(signal.reason);
        return () => {};
      }
      const controllers = linked.get(signal) ?? listen(signal);
      controllers.add(controller);
      return () => controllers.delete(controller);
    },
  };
}
