// `pnpm bench [name...]`: the benchmark suite (never run by CI). Each benchmark runs its
// variants in fresh child processes, interleaved, with medians over rounds; prints a table of
// figures and ratios against the goals of issue #6 (and #5 for autocannon) and writes it to
// BENCHMARKS.md with the command, the date and the machine. Every load stays on 127.0.0.1.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, usage } from './lib/args.mjs';
import { endAllChildren } from './lib/child.mjs';
import { renderTextTable } from './lib/format.mjs';
import { describeMachine, formatLoad, renderMachine } from './lib/machine.mjs';
import { writeBenchmarksFile } from './lib/markdown.mjs';
import { runAutocannon } from './suites/autocannon.mjs';
import { runInprocess } from './suites/inprocess.mjs';
import { runMemory } from './suites/memory.mjs';
import { runOpenloop } from './suites/openloop.mjs';
import { runStore } from './suites/store.mjs';

const suites = {
  inprocess: { run: runInprocess, rounds: 5 },
  openloop: { run: runOpenloop, rounds: 3 },
  memory: { run: runMemory, rounds: 1 },
  store: { run: runStore, rounds: 3 },
  autocannon: { run: runAutocannon, rounds: 3 },
};

const log = (message) => process.stderr.write(`bench: ${message}\n`);

async function runSuite(name, options) {
  const startedMs = performance.now();
  log(`${name}: starting (load ${formatLoad(loadavg())})`);
  try {
    const rounds = options.rounds ?? suites[name].rounds;
    const result = await suites[name].run({ rounds, quick: options.quick, log });
    return { ...result, loadAtEnd: loadavg() };
  } catch (error) {
    log(`${name}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return { name, rows: [], error: String(error?.message ?? error), loadAtEnd: loadavg() };
  } finally {
    log(`${name}: done in ${((performance.now() - startedMs) / 1000).toFixed(0)} s`);
  }
}

function printResults(results) {
  process.stdout.write(`\n${renderTextTable(results.filter((r) => !r.error))}\n`);
  for (const result of results) {
    if (result.error) process.stdout.write(`\n${result.name}: FAILED: ${result.error}\n`);
    for (const note of result.notes ?? []) process.stdout.write(`\n${result.name}: ${note}\n`);
    if (result.profile) {
      process.stdout.write(
        `\n${result.profileTitle ?? `${result.name} profile`}:\n${result.profile}\n`,
      );
    }
  }
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const machine = describeMachine();
  const command = ['pnpm bench', ...argv].join(' ');
  log(`${renderMachine(machine)}; load average ${formatLoad(machine.loadAverage)}`);
  const results = [];
  for (const name of options.names) results.push(await runSuite(name, options));
  printResults(results);
  if (options.write && !options.quick) {
    const path = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
    writeBenchmarksFile(path, results, { command, date: new Date().toISOString(), machine });
    log(`wrote ${path}`);
  } else {
    log('BENCHMARKS.md not written (--quick or --no-write)');
  }
  return results.some((r) => r.error) ? 1 : 0;
}

let interrupted = false;
const onSignal = () => {
  if (interrupted) return;
  interrupted = true;
  log('interrupted: ending the processes this bench started');
  endAllChildren().finally(() => process.exit(130));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    await endAllChildren();
    process.exitCode = 2;
  },
);
