export {
  computeLevelInterval,
  DEFAULT_BASE_INTERVAL,
  MAX_LOAD_LEVEL,
  validateInterval,
} from './level-interval.js';
export {
  createLevelPolicy,
  type LevelPolicyMode,
  type LevelPolicyOptions,
  validateLevelPolicyOptions,
} from './level-policy.js';
export { LoadConfigError } from './load-config-error.js';
export {
  createTargetLatencyPolicy,
  type TargetLatencyOptions,
  validateTargetLatencyOptions,
} from './target-latency-policy.js';
export type { LoadChange, LoadInput, LoadInterval, LoadPolicy } from './types.js';
