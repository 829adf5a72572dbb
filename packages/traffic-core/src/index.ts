export {
  type ArrivalSchedule,
  createConstantArrival,
  createPoissonArrival,
  createUniformArrival,
  type UniformArrival,
  validateInterval,
} from './arrival.js';
export * from './categories/index.js';
export {
  type CategoryDefinition,
  type ContentOptions,
  defaultContentOptions,
  type GenerateContext,
  type GeneratedContent,
} from './category.js';
export {
  type Clock,
  createManualClock,
  createSystemClock,
  type ManualClock,
  type TimerHandle,
} from './clock.js';
export { createEmitter, type Emitter, type Listener } from './emitter.js';
export { BuddyError, type BuddyErrorCode, ConfigError } from './errors.js';
export { isBlocked, judgeVerdict } from './expectation.js';
export { isPromise } from './maybe-promise.js';
export { createRandom, hashToUnit, type Random } from './random.js';
export {
  createRequestGenerator,
  overrideWeights,
  type RequestGenerator,
  type RequestGeneratorOptions,
  validateCategories,
} from './request-generator.js';
export {
  type ClosedLoop,
  createRun,
  type DroppedSend,
  type RunEvents,
  type RunHandle,
  type RunOptions,
  type RunState,
  type RunSummary,
} from './run-loop.js';
export type * from './types.js';
