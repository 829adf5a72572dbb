import { livePathFor } from '@buddy/report-format';
import { cleanText } from './clean-text.js';
import type { DashboardState } from './dashboard-state.js';
import { loadDashboardState } from './load-state.js';
import type { DashboardOptions } from './parse-flags.js';
import { renderFrame } from './render-frame.js';
import { isQuitKey, openScreen, type TerminalIo, type TerminalScreen } from './terminal.js';
import { watchFiles } from './watcher.js';

/** What the dashboard needs from its process: streams, environment and the time. */
export interface DashboardIo extends TerminalIo {
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  nowMs(): number;
}

/** How often the watcher polls as a fallback to fs.watch, ms. */
const POLL_INTERVAL_MS = 1000;

const initialState = (options: DashboardOptions): DashboardState => ({
  filePath: options.file,
  intervalSeconds: options.intervalSeconds,
  metrics: null,
  problem: null,
  live: null,
});

/** Colour only on a TTY, without `--no-color` and without a non-empty NO_COLOR. */
export function shouldColor(options: DashboardOptions, io: DashboardIo): boolean {
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return options.color && !noColorEnv && io.stdout.isTTY === true;
}

/** `--once`: prints one frame; exit status 1 when the file is corrupt, else 0. */
export async function runOnce(options: DashboardOptions, io: DashboardIo): Promise<number> {
  const state = await loadDashboardState(initialState(options));
  const columns = io.stdout.columns ?? Number(io.env.COLUMNS);
  const width = Number.isFinite(columns) && columns > 0 ? columns : 80;
  const color = shouldColor(options, io);
  io.stdout.write(`${renderFrame(state, { width, height: Infinity, color, nowMs: io.nowMs() })}\n`);
  if (state.problem?.kind !== 'invalid') return 0;
  io.stderr.write(`buddy-dashboard: ${cleanText(state.problem.message, 300)}\n`);
  return 1;
}

/** The live view: redraws every interval and on change until a quit key or `stop()`. */
export interface LiveDashboard {
  /** Resolves with the exit status once the dashboard has stopped and restored the screen. */
  done: Promise<number>;
  stop(exitCode: number): void;
  /** The screen, so crash handlers can restore it. */
  screen: TerminalScreen;
}

/** Starts the live view. */
export function startLive(options: DashboardOptions, io: DashboardIo): LiveDashboard {
  let state = initialState(options);
  let stopped = false;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    resolveDone = resolve;
  });
  const color = shouldColor(options, io);
  const footer =
    `q quits · redraws every ${options.intervalSeconds}s and on change · ` +
    cleanText(options.file, 120);

  const draw = () => {
    const { width, height } = screen.size();
    screen.draw(renderFrame(state, { width, height, color, nowMs: io.nowMs(), footer }));
  };
  const refresh = serialize(async () => {
    state = await loadDashboardState(state);
    if (!stopped) draw();
  });
  const stop = (exitCode: number) => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    watch.close();
    io.stdout.off('resize', draw);
    screen.restore();
    resolveDone(exitCode);
  };

  const screen = openScreen(io, (key) => {
    if (isQuitKey(key)) stop(0);
  });
  const watch = watchFiles({
    paths: [options.file, livePathFor(options.file)],
    pollIntervalMs: POLL_INTERVAL_MS,
    onChange: refresh,
  });
  const timer = setInterval(refresh, options.intervalSeconds * 1000);
  io.stdout.on('resize', draw);
  refresh();
  return { done, stop, screen };
}

/** Runs `task` one at a time; a call during a run queues exactly one more run. */
function serialize(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      await task();
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
