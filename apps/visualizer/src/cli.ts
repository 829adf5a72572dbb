import { runVisualizer } from './run-visualizer.js';

// The only place that touches the process: arguments in, text and exit status out.
process.exitCode = await runVisualizer(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  nowMs: Date.now(),
});
