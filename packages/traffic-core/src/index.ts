export type * from './types.js';
export { createRandom, hashToUnit, type Random } from './random.js';
export {
  createManualClock,
  createSystemClock,
  type Clock,
  type ManualClock,
  type TimerHandle,
} from './clock.js';
export {
  defaultContentOptions,
  type CategoryDefinition,
  type ContentOptions,
  type GenerateContext,
  type GeneratedContent,
} from './category.js';
export { isBlocked, judgeVerdict } from './expectation.js';
export {
  createRequestGenerator,
  overrideWeights,
  validateCategories,
  type RequestGenerator,
  type RequestGeneratorOptions,
} from './request-generator.js';
export { BuddyError, ConfigError, type BuddyErrorCode } from './errors.js';
export { createEmitter, type Emitter, type Listener } from './emitter.js';
export {
  createConstantArrival,
  createPoissonArrival,
  createUniformArrival,
  validateInterval,
  type ArrivalSchedule,
  type UniformArrival,
} from './arrival.js';
export {
  createRun,
  type ClosedLoop,
  type DroppedSend,
  type RunEvents,
  type RunHandle,
  type RunOptions,
  type RunState,
  type RunSummary,
} from './run-loop.js';
export * from './categories/index.js';
