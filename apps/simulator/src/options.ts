/** Everything the simulator run needs, after flags, environment and config file are merged. */
export interface SimulatorOptions {
  maxRequests: number | undefined;
  intervalMinMs: number;
  intervalMaxMs: number;
  arrival: 'uniform' | 'constant' | 'poisson';
  ratePerSec: number | undefined;
  concurrency: number | undefined;
  reportInterval: number;
  reportEverySeconds: number;
  seed: number;
  file: string;
  history: boolean;
  maxInFlight: number;
  warmup: { requests?: number; durationMs?: number } | undefined;
  quiet: boolean;
  json: boolean;
  color: boolean;
  progress: boolean;
  slowMs: number;
  drainTimeoutSeconds: number;
  loadPolicy: 'levels' | 'target-latency';
  loadLevel: number | undefined;
  startLevel: number | undefined;
  adapt: boolean;
  targetP95Ms: number | undefined;
  failOn: 'high' | 'medium' | undefined;
  configFile: string | undefined;
  /** Alert threshold overrides from flags; they win over the config file's. */
  alertThresholds: Record<string, number>;
  useRealSoul: boolean;
  soulUrl: string | undefined;
  soulTimeoutMs: number;
  fallbackToReference: boolean;
  controlPort: number | undefined;
  latencyMedianMs: number | undefined;
  latencyP99Ms: number | undefined;
  errorRate: number;
}
