const toCamelCase = (flag) => flag.replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Reads `--some-name value` pairs of a worker's argv into `{ someName: number | string }`. */
export function readWorkerArgs(argv = process.argv.slice(2)) {
  const values = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = toCamelCase(argv[i]);
    const raw = argv[i + 1];
    values[key] =
      raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return values;
}

/** Prints the worker's result as the last stdout line. */
export function printResult(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
