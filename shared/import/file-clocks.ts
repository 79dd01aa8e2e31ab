import { z } from 'zod'
import { isTimeZone } from './time-zone'

/**
 * The clock a file's zone-less timestamps were written in, as chosen for it at its import, remembered by the file's
 * name (the settings table, key FILE_CLOCKS_KEY) so that importing the same file again, or its next version, reads
 * its times the same way. Like the project mappings: the choice of one import offered first to the next.
 */
export const FILE_CLOCKS_KEY = 'fileClocks'

/** Files remembered at most: the oldest choice is forgotten first. */
export const FILE_CLOCKS_KEPT = 500

export const fileClockSchema = z.object({
  /** Minutes east of UTC (CodeCarbon, nvidia-smi, ledger files). */
  offsetMinutes: z
    .number()
    .int()
    .min(-12 * 60)
    .max(14 * 60)
    .optional(),
  /** An IANA zone (Slurm sacct exports, daylight saving included). */
  timeZone: z.string().refine(isTimeZone, 'not a time zone name').optional()
})
export type FileClock = z.infer<typeof fileClockSchema>

export const fileClocksSchema = z.record(z.string().min(1).max(300), fileClockSchema)
export type FileClocks = z.infer<typeof fileClocksSchema>

/** The name a file's clock is remembered under: without its folder, trimmed, case folded. */
export const fileClockKey = (fileName: string): string =>
  fileName
    .replace(/^.*[\\/]/, '')
    .trim()
    .toLocaleLowerCase('en')
    .slice(0, 300)

/**
 * The remembered clocks with this file's choice in: the latest last (so the oldest are dropped past
 * FILE_CLOCKS_KEPT); a clock with neither field (UTC assumed again) forgets the file.
 */
export function withFileClock(clocks: FileClocks, fileName: string, clock: FileClock): FileClocks {
  const key = fileClockKey(fileName)
  const { [key]: _previous, ...rest } = clocks
  const kept: FileClock = {
    ...(clock.offsetMinutes !== undefined ? { offsetMinutes: clock.offsetMinutes } : {}),
    ...(clock.timeZone !== undefined ? { timeZone: clock.timeZone } : {})
  }
  if (key === '' || Object.keys(kept).length === 0) return rest
  const entries = Object.entries({ ...rest, [key]: kept })
  return Object.fromEntries(entries.slice(Math.max(0, entries.length - FILE_CLOCKS_KEPT)))
}
