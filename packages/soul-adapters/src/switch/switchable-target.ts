import {
  type Clock,
  ConfigError,
  createSystemClock,
  isPromise,
  type MaybePromise,
  type ServedVerdict,
  type Target,
  type TargetRequest,
} from '@buddy/traffic-core';

/** One change of the active target. */
export interface SoulSwitch {
  /** Wall-clock time of the switch, ISO 8601. */
  readonly at: string;
  readonly atWallMs: number;
  readonly from: string;
  readonly to: string;
}

/** Options of a switchable target. */
export interface SwitchableTargetOptions {
  /** Targets by name, e.g. `{ reference, real }`. */
  readonly targets: Readonly<Record<string, Target>>;
  /** Name of the target active at start. */
  readonly active: string;
  /** Name of the target that answers when the active one fails; off when absent. */
  readonly fallback?: string;
  /** Stamps switches with wall time. Default: the system clock. */
  readonly clock?: Clock;
}

/** A target that forwards to one of several, switchable while running. */
export interface SwitchableTarget extends Target {
  /** Name of the active target; also this target's `name`, so errors are reported under it. */
  readonly active: string;
  /** Target name → requests whose answer (verdict or error) it gave. */
  readonly served: Readonly<Record<string, number>>;
  /** Requests answered by the fallback after the active target failed. */
  readonly fallbacks: number;
  /** Switches so far, oldest first. */
  readonly switches: readonly SoulSwitch[];
  /** Names of the targets that can be switched to. */
  readonly names: readonly string[];
  /** Makes `name` the active target; unknown names throw a ConfigError. */
  switchTo(name: string): void;
}

function requireName(targets: Readonly<Record<string, Target>>, field: string, name: string) {
  if (!Object.hasOwn(targets, name)) {
    const known = Object.keys(targets).join(', ');
    throw new ConfigError(`${field}: unknown Soul "${name}"; expected one of ${known}`);
  }
  return targets[name] as Target;
}

/**
 * Creates a switchable target. With `fallback` set, a failure of the active target (other
 * than the run being aborted) is retried on the fallback and marked `fellBack`; without it
 * the error propagates, so a failing Soul is reported as failing.
 */
export function createSwitchableTarget(options: SwitchableTargetOptions): SwitchableTarget {
  const { targets } = options;
  const names = Object.keys(targets);
  if (names.length === 0) throw new ConfigError('targets: expected at least one target');
  let active = options.active;
  requireName(targets, 'active', active);
  const fallback =
    options.fallback === undefined
      ? undefined
      : { name: options.fallback, target: requireName(targets, 'fallback', options.fallback) };
  const clock = options.clock ?? createSystemClock();
  const served: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const switches: SoulSwitch[] = [];
  let fallbacks = 0;

  const count = (name: string) => {
    served[name] = (served[name] ?? 0) + 1;
  };

  const answeredBy = (name: string, verdict: ServedVerdict, atOnce: boolean): ServedVerdict => {
    count(name);
    // Given at once, an unstamped verdict needs no `servedBy`: this target's `name` still
    // names the one that served. A promised one does: a switch may come before it arrives.
    if (atOnce && verdict.servedBy === undefined) return verdict;
    return { ...verdict, servedBy: name };
  };

  // A failed fallback rethrows the primary's error: that failure is the one to report.
  const tryFallback = (
    primaryName: string,
    error: unknown,
    request: TargetRequest,
    signal: AbortSignal,
  ): MaybePromise<ServedVerdict> => {
    const reportPrimary = (): never => {
      count(primaryName);
      throw error;
    };
    if (fallback === undefined || fallback.name === primaryName || signal.aborted) {
      return reportPrimary();
    }
    const { name, target } = fallback;
    const fellBack = (verdict: ServedVerdict): ServedVerdict => {
      count(name);
      fallbacks++;
      return { ...verdict, servedBy: name, fellBack: true };
    };
    let answer: MaybePromise<ServedVerdict>;
    try {
      answer = target.evaluate(request, { signal });
    } catch {
      return reportPrimary();
    }
    return isPromise(answer) ? answer.then(fellBack, reportPrimary) : fellBack(answer);
  };

  return {
    get name() {
      return active;
    },
    get active() {
      return active;
    },
    get served() {
      return { ...served };
    },
    get fallbacks() {
      return fallbacks;
    },
    get switches() {
      return [...switches];
    },
    names,
    switchTo(name) {
      requireName(targets, 'switchTo', name);
      if (name === active) return;
      const atWallMs = clock.wallNow();
      switches.push({ at: new Date(atWallMs).toISOString(), atWallMs, from: active, to: name });
      active = name;
    },
    evaluate(request, evaluateOptions) {
      const name = active;
      const { signal } = evaluateOptions;
      let answer: MaybePromise<ServedVerdict>;
      try {
        answer = (targets[name] as Target).evaluate(request, evaluateOptions);
      } catch (error) {
        return tryFallback(name, error, request, signal);
      }
      if (!isPromise(answer)) return answeredBy(name, answer, true);
      return answer.then(
        (verdict) => answeredBy(name, verdict, false),
        (error) => tryFallback(name, error, request, signal),
      );
    },
    async close() {
      await Promise.all(Object.values(targets).map((target) => target.close?.()));
    },
  };
}
