import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { createImporter, detectFormat, SACCT_COMMAND } from '../../../shared/import'
import type { ImportedRun, ImportResult } from '../../../shared/import/types'
import { importFixture, readFixture, runById } from './support'

const gpusOf = (run: ImportedRun): number =>
  run.input.devices.filter((d) => d.kind === 'gpu').reduce((n, d) => n + d.count, 0)
const gpuHours = (result: ImportResult): number =>
  result.runs.reduce((h, run) => h + (gpusOf(run) * run.input.durationS) / 3600, 0)
const measuredKWh = (result: ImportResult): number =>
  result.runs.reduce((e, run) => e + (run.input.measuredEnergyKWh ?? 0), 0)
const unsuccessful = (result: ImportResult): string[] =>
  result.runs.flatMap((r) => (r.input.outcome?.successful === false ? [r.input.outcome.state] : [])).sort()

describe('Slurm sacct: the fixture of a cluster with energy accounting (--parsable2)', () => {
  const result = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })

  it('makes one run per job that ran, its steps folded in, and names the two that never started', () => {
    expect(result.format).toBe('slurm')
    expect(result.rows).toBe(38)
    expect(result.errors).toEqual([])
    expect(result.runs.map((r) => r.input.source.jobId)).toEqual([
      '58101',
      '58140_0',
      '58140_1',
      '58180',
      '58190',
      '58200',
      '58233',
      '58250',
      '58270',
      '58290'
    ])
    const notStarted = result.warnings.find((w) => w.msg?.id === 'slurm.notStarted')
    expect(notStarted?.message).toContain('58261 (row 32), 58300 (row 39)')
  })

  it('counts the GPU-hours of the README (412.385, the running job included)', () => {
    expect(gpuHours(result)).toBeCloseTo(412.385, 6)
  })

  it('takes the job row energy only: 58101 is 23 532 480 J, not the 70.5 MJ of all its rows', () => {
    const run = runById(result, 'slurm:58101@2025-03-28T09:12:40')
    expect(run.input.measuredEnergyKWh).toBeCloseTo(23_532_480 / 3.6e6, 9)
    expect(run.input).toMatchObject({ person: 'anna', project: 'vision', memoryGB: 256, title: 'train-vit-l' })
    expect(run.input.devices).toEqual([
      { kind: 'gpu', name: 'a100', count: 4, utilization: 1 },
      { kind: 'cpu', name: 'CPU (partition gpu-a100)', count: 1, utilization: 1, cores: 32 }
    ])
    expect(run.input.measuredEnergyIncludesPue).toBe(false)
  })

  it('never stores more than the job rows recorded; the shared node is the only difference from the README total', () => {
    const recordedKWh = 958_184_910 / 3.6e6
    const sharedA = 13_683_420 * ((6629 * 0.5 + 574) / 7203)
    const sharedB = 12_597_410 * 0.5
    const removedKWh = (13_683_420 - sharedA + 12_597_410 - sharedB) / 3.6e6
    expect(measuredKWh(result)).toBeCloseTo(recordedKWh - removedKWh, 6)
    expect(result.runs.filter((r) => r.input.measuredEnergyKWh !== undefined)).toHaveLength(9)
  })

  it('charges array tasks on a shared node their allocated share, time-weighted, and says so', () => {
    const first = runById(result, 'slurm:58141@2025-03-28T14:02:11')
    const last = runById(result, 'slurm:58140@2025-03-28T14:02:11')
    expect(first.input.source.jobId).toBe('58140_0')
    expect(first.input.measuredEnergyKWh).toBeCloseTo((13_683_420 * ((6629 * 0.5 + 574) / 7203)) / 3.6e6, 9)
    expect(last.input.measuredEnergyKWh).toBeCloseTo(12_597_410 / 2 / 3.6e6, 9)
    expect(last.warnings.join()).toMatch(/shared its node with 58140_0.*50\.0 %.*by GPUs/)
    expect(last.input.notes).toContain('Recorded node energy 12597410 J')
  })

  it("reads times in the cluster's zone and durations from ElapsedRaw across the spring clock change", () => {
    const run = runById(result, 'slurm:58180@2025-03-30T01:30:00')
    expect(run.input.startedAt).toBe('2025-03-30T01:30:00+01:00')
    expect(run.input.durationS).toBe(7200)
    expect(runById(result, 'slurm:58190@2025-03-31T10:00:03').input.startedAt).toBe('2025-03-31T10:00:03+02:00')
  })

  it('folds the two components of heterogeneous job 58200 into one run: 1 GPU-hour, 4 176 000 J', () => {
    const run = runById(result, 'slurm:58200@2025-03-31T11:00:00')
    expect(gpusOf(run)).toBe(1)
    expect(run.input.measuredEnergyKWh).toBeCloseTo(1.16, 9)
    expect(run.input.memoryGB).toBe(192)
    expect(run.input.devices.filter((d) => d.kind === 'cpu').map((d) => d.cores)).toEqual([64, 16])
  })

  it('keeps failed, timed-out and out-of-memory jobs, marked unsuccessful; the running one is provisional', () => {
    expect(unsuccessful(result)).toEqual(['FAILED', 'OUT_OF_MEMORY', 'TIMEOUT'])
    const running = runById(result, 'slurm:58290@2025-03-31T21:40:00')
    expect(running.input.outcome).toEqual({ state: 'RUNNING', successful: true })
    expect(running.input.measuredEnergyKWh).toBeUndefined()
    expect(running.warningMsgs?.map((m) => m.id)).toEqual(['slurm.noEnergy', 'slurm.inProgress'])
  })

  it('builds runs the ledger schema accepts as they are', () => {
    for (const run of result.runs) expect(runInputSchema.parse(run.input)).toEqual(run.input)
  })

  it('reads the same runs from chunks cut anywhere', () => {
    const text = readFixture('slurm/sacct-energy-gpu.psv')
    const importer = createImporter('slurm', { fileName: 'sacct-energy-gpu.psv', timeZone: 'Europe/Berlin' })
    for (let at = 0; at < text.length; at += 7) importer.push(text.slice(at, at + 7))
    expect(importer.finish()).toEqual(result)
  })
})

describe('Slurm sacct: the fixture of a cluster without energy accounting (--parsable, --duplicates)', () => {
  const result = importFixture('slurm/sacct-no-energy.psv', { timeZoneOffsetMinutes: 0 })

  it('reads the trailing delimiters as no column, and measures nothing ("0" is not zero joules)', () => {
    expect(result.errors).toEqual([])
    expect(result.runs).toHaveLength(10)
    expect(result.runs.every((r) => r.input.measuredEnergyKWh === undefined)).toBe(true)
    expect(gpuHours(result)).toBeCloseTo(52.161111, 5)
    expect(result.warnings.some((w) => w.msg?.id === 'import.utcAssumed')).toBe(false)
  })

  it('joins a job name holding the delimiter back together', () => {
    const run = result.runs.find((r) => r.input.source.jobId === '7691')
    expect(run?.input.title).toBe('sweep|lr=3e-4')
    expect(run?.input.person).toBe('lena')
  })

  it('keeps both runs of a requeued job, told apart by Start, and array tasks by their own raw id', () => {
    expect(result.runs.filter((r) => r.input.source.jobId === '7702').map((r) => r.externalId)).toEqual([
      'slurm:7702@2025-02-10T08:00:00',
      'slurm:7702@2025-02-10T09:05:00'
    ])
    expect(runById(result, 'slurm:7705@2025-02-10T10:15:00').input.source.jobId).toBe('7700_3')
  })

  it('marks six runs unsuccessful (the pending array row makes no run)', () => {
    expect(unsuccessful(result)).toEqual(['CANCELLED', 'FAILED', 'NODE_FAIL', 'PREEMPTED', 'REQUEUED', 'TIMEOUT'])
  })
})

describe('Slurm sacct: quirks', () => {
  it('folds steps listed before their job, warns of a step without its job, and reads both GPU forms', () => {
    const result = importFixture('slurm/quirk-steps-gres.psv', { timeZone: 'UTC' })
    expect(result.errors).toEqual([])
    const mixed = runById(result, 'slurm:900@2025-01-06T10:00:00')
    expect(mixed.input.measuredEnergyKWh).toBeCloseTo(0.5, 9)
    expect(mixed.input.devices.filter((d) => d.kind === 'gpu').map((d) => [d.name, d.count])).toEqual([
      ['a100', 2],
      ['h100', 1]
    ])
    // untyped only, beside GPU metrics that are no GPUs
    expect(gpusOf(runById(result, 'slurm:901@2025-01-06T12:00:00'))).toBe(2)
    // typed and untyped together: never added
    expect(gpusOf(runById(result, 'slurm:902@2025-01-06T13:00:00'))).toBe(2)
    const orphan = result.warnings.find((w) => w.msg?.id === 'slurm.stepWithoutJob')
    expect(orphan).toMatchObject({ row: 7, field: 'JobID' })
  })

  it('finds another delimiter from the header, reads Elapsed with days, a name across two lines, Unknown/None', () => {
    const result = importFixture('slurm/quirk-delimiter-elapsed.psv', { timeZoneOffsetMinutes: 60 })
    expect(result.errors).toEqual([])
    const long = runById(result, 'slurm:1200@2025-01-01T00:00:00')
    expect(long.input.durationS).toBe(2 * 86_400 + 27)
    expect(long.input.startedAt).toBe('2025-01-01T00:00:00+01:00')
    expect(long.input.measuredEnergyKWh).toBeCloseTo(1.2e6 / 3.6e6, 9)
    expect(runById(result, 'slurm:1201@2025-01-04T00:00:00').input.title).toBe('two\nlines')
    expect(result.runs.map((r) => r.input.source.jobId)).toEqual(['1200', '1201', '1204'])
    expect(result.warnings.find((w) => w.msg?.id === 'slurm.notStarted')?.message).toContain(
      '1202 (row 5), 1203 (row 6)'
    )
  })

  it('reads a headerless export of the recommended columns, with a warning', () => {
    const result = importFixture('slurm/quirk-noheader.psv')
    expect(result.runs.map((r) => r.externalId)).toEqual(['slurm:58101@2025-03-28T09:12:40'])
    expect(result.warnings.map((w) => w.msg?.id)).toContain('slurm.noHeaderAssumed')
    expect(result.warnings.map((w) => w.msg?.id)).toContain('import.utcAssumed')
  })

  it('names the missing columns and the command to export them', () => {
    const result = importFixture('slurm/quirk-missing-columns.psv')
    expect(result.runs).toEqual([])
    expect(result.skippedRows).toBe(1)
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'Start'],
      [1, 'ElapsedRaw']
    ])
    expect(result.errors[0]?.message).toContain('Start, ElapsedRaw')
    expect(result.errors[0]?.message).toContain(SACCT_COMMAND)
  })

  it('answers impossible values at their row and field and keeps the sound rows', () => {
    const result = importFixture('slurm/quirk-bad-values.psv', { timeZone: 'UTC' })
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'ElapsedRaw'],
      [4, 'End'],
      [6, '(row)'],
      [7, 'AllocTRES'],
      [8, 'Start'],
      [9, 'Start']
    ])
    expect(result.errors.find((e) => e.row === 8)?.msg?.id).toBe('slurm.zonedAfterLocal')
    expect(result.errors.find((e) => e.row === 9)?.message).toContain('SLURM_TIME_FORMAT')
    expect(result.skippedRows).toBe(6)
    expect(result.runs.map((r) => r.input.source.jobId)).toEqual(['300', '303'])
    const absurd = result.warnings.find((w) => w.msg?.id === 'slurm.energyRejected')
    expect(absurd).toMatchObject({ row: 5, field: 'ConsumedEnergyRaw' })
    expect(runById(result, 'slurm:303@2025-01-06T10:00:00').input.measuredEnergyKWh).toBeUndefined()
  })

  it('warns once when the zone is not given, and refuses an unknown zone name', () => {
    const assumed = importFixture('slurm/sacct-no-energy.psv')
    expect(assumed.warnings.filter((w) => w.msg?.id === 'import.utcAssumed')).toHaveLength(1)
    const bad = importFixture('slurm/sacct-no-energy.psv', { timeZone: 'Mars/Olympus' })
    expect(bad.warnings[0]?.msg?.id).toBe('slurm.badTimeZone')
  })

  it('uses the partition the lab set: its GPU model and location', () => {
    const result = importFixture('slurm/sacct-energy-gpu.psv', {
      timeZone: 'Europe/Berlin',
      slurmPartitions: { 'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'country', code: 'DE' } } }
    })
    const run = runById(result, 'slurm:58101@2025-03-28T09:12:40')
    expect(run.input.devices[0]).toMatchObject({ kind: 'gpu', name: 'NVIDIA A100-SXM4-80GB', count: 4 })
    expect(run.input.location).toEqual({ kind: 'country', code: 'DE' })
    const unset = result.warnings.find((w) => w.msg?.id === 'slurm.partitionsUnset')
    expect(unset?.message).toContain('gpu-l40s, cpu')
    expect(unset?.message).not.toContain('gpu-a100')
  })
})

describe('detecting sacct output', () => {
  it.each([
    ['slurm/sacct-energy-gpu.psv'],
    ['slurm/sacct-no-energy.psv'],
    ['slurm/quirk-delimiter-elapsed.psv'],
    ['slurm/quirk-noheader.psv']
  ])('recognises %s from its content', (file) => {
    expect(detectFormat(readFixture(file), 'export.txt')).toEqual({ format: 'slurm' })
  })

  it("refuses sacct's padded table, whose values are cut, and shows the command", () => {
    const table = [
      '       JobID    JobName      State    Elapsed ',
      '------------ ---------- ---------- ---------- ',
      '58101.bat+      batch  COMPLETED   04:32:22 '
    ].join('\n')
    const detected = detectFormat(table, 'table.txt')
    expect('error' in detected && detected.error).toContain('--parsable2')
  })
})
