import {
  computeLevelInterval,
  DEFAULT_BASE_INTERVAL,
  MAX_LOAD_LEVEL,
  validateInterval,
} from './level-interval.js';
import {
  describeValue,
  LoadConfigError,
  requireIntegerInRange,
  requireNumberInRange,
} from './load-config-error.js';
import type { LoadChange, LoadInput, LoadInterval, LoadPolicy } from './types.js';

/** `adaptive` moves between levels, `pinned` holds `startLevel`, `off` stays at level 1. */
export type LevelPolicyMode = 'adaptive' | 'pinned' | 'off';

/** Options of the three-level policy (SPEC 2.3); every field has a default. */
export interface LevelPolicyOptions {
  /** Level 1's interval, ms (default 50–200). */
  baseInterval?: LoadInterval;
  /** Level at start, and the level held when pinned (default 1; ignored when `off`). */
  startLevel?: number;
  /** Default `adaptive`. */
  mode?: LevelPolicyMode;
  /** Consecutive fast reports needed to go up one level (default 3). */
  upAfter?: number;
  /** A report is fast when its average execution is strictly under this, ms (default 2). */
  upBelowMs?: number;
  /** Down one level as soon as a report's average execution exceeds this, ms (default 5). */
  downAboveMs?: number;
}

type ResolvedLevelOptions = Required<LevelPolicyOptions>;

const MODES: readonly LevelPolicyMode[] = ['adaptive', 'pinned', 'off'];

/** Checks the options and fills in defaults; throws LoadConfigError naming the bad field. */
export function validateLevelPolicyOptions(options: LevelPolicyOptions = {}): ResolvedLevelOptions {
  const mode = options.mode ?? 'adaptive';
  if (!MODES.includes(mode)) {
    throw new LoadConfigError(
      `mode: expected one of ${MODES.join(', ')}, received ${describeValue(mode)}`,
    );
  }
  const resolved: ResolvedLevelOptions = {
    baseInterval: validateInterval('baseInterval', options.baseInterval ?? DEFAULT_BASE_INTERVAL),
    startLevel: options.startLevel ?? 1,
    mode,
    upAfter: options.upAfter ?? 3,
    upBelowMs: options.upBelowMs ?? 2,
    downAboveMs: options.downAboveMs ?? 5,
  };
  requireIntegerInRange('startLevel', resolved.startLevel, 1, MAX_LOAD_LEVEL);
  requireIntegerInRange('upAfter', resolved.upAfter, 1, Number.POSITIVE_INFINITY);
  requireNumberInRange('upBelowMs', resolved.upBelowMs, 0, Number.POSITIVE_INFINITY);
  requireNumberInRange('downAboveMs', resolved.downAboveMs, 0, Number.POSITIVE_INFINITY);
  if (resolved.downAboveMs < resolved.upBelowMs) {
    throw new LoadConfigError(
      `downAboveMs: expected >= upBelowMs (${resolved.upBelowMs}), ` +
        `received ${resolved.downAboveMs}`,
    );
  }
  return resolved;
}

const formatMs = (ms: number): string => `${Number(ms.toFixed(2))} ms`;

/** Creates the three-level policy: up after N fast reports in a row, down on one slow one. */
export function createLevelPolicy(options: LevelPolicyOptions = {}): LoadPolicy {
  const config = validateLevelPolicyOptions(options);
  let level = config.mode === 'off' ? 1 : config.startLevel;
  let fastStreak = 0;

  const moveTo = (to: number, reason: string): LoadChange => {
    const from = level;
    level = to;
    fastStreak = 0;
    return { from, to, interval: computeLevelInterval(config.baseInterval, to), reason };
  };

  const adapt = (averageMs: number): LoadChange | undefined => {
    if (averageMs > config.downAboveMs) {
      fastStreak = 0;
      if (level <= 1) return undefined;
      return moveTo(level - 1, `average ${formatMs(averageMs)} > ${formatMs(config.downAboveMs)}`);
    }
    if (averageMs >= config.upBelowMs) {
      fastStreak = 0;
      return undefined;
    }
    fastStreak = Math.min(fastStreak + 1, config.upAfter);
    if (fastStreak < config.upAfter || level >= MAX_LOAD_LEVEL) return undefined;
    return moveTo(
      level + 1,
      `${config.upAfter} reports in a row with average < ${formatMs(config.upBelowMs)} ` +
        `(last ${formatMs(averageMs)})`,
    );
  };

  return {
    name: 'levels',
    get level() {
      return level;
    },
    get interval() {
      return computeLevelInterval(config.baseInterval, level);
    },
    onReport(input: LoadInput) {
      if (config.mode !== 'adaptive') return undefined;
      // A window without answers says nothing about speed: it neither moves nor resets.
      if (input.requests <= 0 || input.averageExecutionMs === null) return undefined;
      if (!Number.isFinite(input.averageExecutionMs)) return undefined;
      return adapt(input.averageExecutionMs);
    },
  };
}
