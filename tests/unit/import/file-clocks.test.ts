import { describe, expect, it } from 'vitest'
import { FILE_CLOCKS_KEPT, fileClockKey, fileClocksSchema, withFileClock } from '../../../shared/import/file-clocks'

describe('the clock remembered per file name', () => {
  it('is keyed by the name without its folder, whatever its case', () => {
    expect(fileClockKey('C:\\runs\\Emissions.CSV ')).toBe('emissions.csv')
    expect(fileClockKey('/home/ada/emissions.csv')).toBe('emissions.csv')
  })

  it('keeps the latest choice per file, forgets a file set back to UTC assumed, and drops the oldest past the cap', () => {
    let clocks = withFileClock({}, 'a.csv', { offsetMinutes: 120 })
    clocks = withFileClock(clocks, 'sacct.txt', { timeZone: 'Europe/Berlin' })
    clocks = withFileClock(clocks, 'A.csv', { offsetMinutes: -210 })
    expect(clocks).toEqual({ 'sacct.txt': { timeZone: 'Europe/Berlin' }, 'a.csv': { offsetMinutes: -210 } })
    expect(withFileClock(clocks, 'a.csv', {})).toEqual({ 'sacct.txt': { timeZone: 'Europe/Berlin' } })

    for (let i = 0; i < FILE_CLOCKS_KEPT; i++) clocks = withFileClock(clocks, `f${i}.csv`, { offsetMinutes: 60 })
    expect(Object.keys(clocks)).toHaveLength(FILE_CLOCKS_KEPT)
    expect(clocks['sacct.txt']).toBeUndefined()
    expect(clocks[`f${FILE_CLOCKS_KEPT - 1}.csv`]).toEqual({ offsetMinutes: 60 })
  })

  it('refuses a zone that is not one and an offset off the clock', () => {
    expect(fileClocksSchema.safeParse({ 'a.csv': { timeZone: 'Mars/Olympus' } }).success).toBe(false)
    expect(fileClocksSchema.safeParse({ 'a.csv': { offsetMinutes: 15 * 60 } }).success).toBe(false)
  })
})
