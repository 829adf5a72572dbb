/** Parses the bench command line: benchmark names and a few options. */

export const benchmarkNames = ['inprocess', 'openloop', 'memory', 'store', 'autocannon'];

const usage = `usage: pnpm bench [name...] [--rounds N] [--quick] [--no-write]
  names: ${benchmarkNames.join(', ')} (default: all)
  --rounds N   repeated rounds per comparison (default 5; openloop and autocannon 3)
  --quick      smaller counts and shorter runs, for a smoke test (not for BENCHMARKS.md)
  --no-write   print the table without writing BENCHMARKS.md`;

/** Returns the parsed options, or throws an Error whose message is the usage problem. */
export function parseArgs(argv) {
  const options = { names: [], rounds: undefined, quick: false, write: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--rounds') options.rounds = parseRounds(argv[++i]);
    else if (arg.startsWith('--rounds=')) options.rounds = parseRounds(arg.slice(9));
    else if (benchmarkNames.includes(arg)) options.names.push(arg);
    else throw new Error(`unknown argument '${String(arg).slice(0, 40)}'\n${usage}`);
  }
  if (options.names.length === 0) options.names = [...benchmarkNames];
  return options;
}

function parseRounds(text) {
  const rounds = Number(text);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
    throw new Error(`--rounds: expected a whole number 1..50, received '${String(text)}'`);
  }
  return rounds;
}

export { usage };
