/**
 * Domain types of the Buddy traffic simulator. Every other package speaks these.
 * Times are milliseconds on the injected clock's monotonic timeline unless named `...WallMs`.
 */

/** Result of the pipeline's pre-validation step. */
export type PreValidation = 'passed' | 'failed';

/** Where the approval gate routed a request. */
export type ApprovalPath = 'approved' | 'clarification' | 'rejected';

/** Ids of the eight built-in categories; user categories use any other string. */
export type BuiltinCategoryId =
  | 'simple'
  | 'multi_step'
  | 'low_confidence'
  | 'high_confidence'
  | 'conflicting_gates'
  | 'clarification_triggers'
  | 'edge_cases'
  | 'adversarial';

/** A category id: one of the built-ins or a user-registered id. */
export type CategoryId = BuiltinCategoryId | (string & {});

/**
 * What the pipeline's answer must satisfy for a request to succeed (the oracle).
 * Every field present must hold; an absent field is not checked.
 */
export interface Expectation {
  /** Required pre-validation result. */
  readonly preValidation?: PreValidation;
  /** Allowed approval paths. */
  readonly approvalPaths?: readonly ApprovalPath[];
  /** Confidence must be at least this (inclusive). */
  readonly minConfidence?: number;
  /** Confidence must be strictly below this. */
  readonly belowConfidence?: number;
  /** The request must be blocked: pre-validation failed or not approved. */
  readonly blocked?: boolean;
}

/** One synthetic request, with the expectation that judges the answer to it. */
export interface TrafficRequest {
  /** Unique within a run: `${runId}-${seq}` by default. */
  readonly id: string;
  /** 0-based position in the run's request sequence. */
  readonly seq: number;
  readonly category: CategoryId;
  /** The text sent to the pipeline. Hostile by design: never print it raw. */
  readonly content: string;
  readonly expectation: Expectation;
  /** True for attacks (adversarial, hostile edge cases): counted in the block rate. */
  readonly attack: boolean;
  /** Generator's sub-kind, e.g. `sql_injection` or `emoji` for edge cases. */
  readonly variant?: string;
}

/** The pipeline's answer to one request. */
export interface Verdict {
  /** Alignment score in 0..1. */
  readonly confidence: number;
  readonly preValidation: PreValidation;
  readonly approvalPath: ApprovalPath;
  /** Human-readable reasons, as the pipeline gave them. */
  readonly reasons: readonly string[];
  /** Stable ids of the pre-validation rules that failed (empty when it passed). */
  readonly rules: readonly string[];
  /** The raw response body, when the target had one (HTTP). */
  readonly raw?: unknown;
}

/** How a request failed to get a verdict. */
export type ErrorKind =
  | 'timeout'
  | 'connection'
  | 'http_status'
  | 'invalid_json'
  | 'invalid_shape'
  | 'aborted'
  | 'exception';

/** A classified failure to obtain a verdict. */
export interface OutcomeError {
  readonly kind: ErrorKind;
  /** Short, sanitisable message; never contains request content or credentials. */
  readonly message: string;
}

/** The measured result of one request. */
export interface Outcome {
  readonly request: TrafficRequest;
  /** When the schedule intended the send. */
  readonly intendedAtMs: number;
  /** When the send actually started. */
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  /** Wall-clock time of the actual send (epoch ms), for logs. */
  readonly startedWallMs: number;
  /** Pipeline execution time: endedAtMs - startedAtMs. */
  readonly executionMs: number;
  /** Response time from the intended send time (corrects coordinated omission). */
  readonly latencyMs: number;
  /** How late the send started: startedAtMs - intendedAtMs. */
  readonly lateByMs: number;
  readonly success: boolean;
  /** Why the oracle rejected the answer, when success is false and there was a verdict. */
  readonly mismatch?: string;
  readonly verdict?: Verdict;
  readonly error?: OutcomeError;
  /** Name of the target that served the request (e.g. `reference`, `real`). */
  readonly servedBy: string;
  /** True when a fallback target answered instead of the primary one. */
  readonly fellBack?: boolean;
  /** Warm-up requests are sent but kept out of the statistics. */
  readonly warmup: boolean;
}

/** Request as a target receives it: the category travels only for the oracle and logs. */
export interface TargetRequest {
  readonly id: string;
  readonly content: string;
  readonly category: CategoryId;
}

/** Options passed to every evaluation. */
export interface EvaluateOptions {
  /** Aborted when the run stops or the request times out. */
  readonly signal: AbortSignal;
}

/**
 * A value or a promise of it. An in-process target may answer synchronously; the run loop then
 * records the outcome without a microtask hop.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Extra facts a target may attach to a verdict. */
export interface ServedVerdict extends Verdict {
  /**
   * Which underlying target served, for switching and fallback targets. When absent, the
   * target asked served, under the `name` it has when it answers.
   */
  readonly servedBy?: string;
  readonly fellBack?: boolean;
}

/** Anything that can judge a request: the reference pipeline, an HTTP Soul, a user adapter. */
export interface Target {
  /** Short name reported with every outcome, e.g. `reference`. */
  readonly name: string;
  /** Answers with a verdict, at once or later; a failure may throw or reject. */
  evaluate(request: TargetRequest, options: EvaluateOptions): MaybePromise<ServedVerdict>;
  /** Releases connections, timers, servers. */
  close?(): Promise<void>;
}
