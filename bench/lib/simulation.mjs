/** Runs the simulator app's own composition (`runSimulation`) in this process, silently. */
import { importPackage, importSimulatorModule } from './workspace.mjs';

const { parseFlags } = await importSimulatorModule('parse-flags.ts');
const { runSimulation } = await importSimulatorModule('simulation.ts');
const { createSystemClock } = await importPackage('@buddy/traffic-core');

/**
 * Runs `buddy-simulator <argv>` in process. `onStdout` sees every stdout write (reports in
 * --json mode); `stop()` asks the run to stop as Ctrl+C would.
 */
export function startSimulation(argv, { onStdout = () => {} } = {}) {
  const parsed = parseFlags(argv, {}, 1);
  if (parsed.kind !== 'run') throw new Error('simulator flags did not parse to a run');
  let stopHandler = () => {};
  const io = {
    stdout: { write: (text) => onStdout(text) },
    stderr: { write: () => true, isTTY: false },
    onStop(handler) {
      stopHandler = handler;
      return () => {};
    },
    onToggleSoul: () => () => {},
    env: {},
    clock: createSystemClock(),
  };
  const done = runSimulation(parsed.options, io);
  return { done, stop: () => stopHandler() };
}
