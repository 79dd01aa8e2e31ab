import { cpus, release, totalmem, type as osType } from 'node:os'

/** The machine a benchmark ran on, printed with its figures so they can be compared honestly. */
export function machineLine(): string {
  const cpu = cpus()
  return [
    `machine: ${osType()} ${release()}`,
    `${cpu[0]?.model.trim() ?? 'unknown cpu'} × ${cpu.length} cores`,
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node ${process.version}`
  ].join(', ')
}
