/** What the benchmarks ran on, recorded with every result. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** CPU model, cores, memory, OS, Node version and the load averages now. */
export function describeMachine() {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg(),
  };
}

/** Load averages as `1.23 / 0.98 / 0.50` (1, 5, 15 minutes). */
export function formatLoad(load) {
  return load.map((l) => l.toFixed(2)).join(' / ');
}

/** One line naming the machine. */
export function renderMachine(machine) {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ` +
    `${machine.os}, Node ${machine.node}`
  );
}
