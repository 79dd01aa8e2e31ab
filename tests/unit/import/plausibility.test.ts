import { describe, expect, it } from 'vitest'
import { createImporter, type ImportFormat, type ImportResult, importText } from '../../../shared/import'
import { PLAUSIBILITY_LIMITS } from '../../../shared/import/plausibility'
import { importFixture } from './support'

const imported = (text: string, fileName: string): ImportResult => {
  const result = importText(text, fileName)
  if ('error' in result) throw new Error(result.error)
  return result
}

/** For files whose format cannot be detected (a required column is missing). */
const importedAs = (format: ImportFormat, text: string, fileName: string): ImportResult => {
  const importer = createImporter(format, { fileName })
  importer.push(text)
  return importer.finish()
}

const PLAUSIBILITY_IDS = [
  'import.longDuration',
  'import.highPower',
  'import.highPowerNoDevices',
  'import.highDevicePower'
]
const plausibility = (result: ImportResult) => result.warnings.filter((w) => PLAUSIBILITY_IDS.includes(w.msg?.id ?? ''))

const CODECARBON_HEADER =
  'timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code,cpu_model,gpu_model,gpu_count'
const codecarbonRow = (
  id: string,
  durationS: number | string,
  energyKWh: number | string,
  gpuModel = '1 x NVIDIA H100 80GB HBM3'
) => `2025-02-01T10:00:00Z,lab,${id},${durationS},0.5,${energyKWh},FRA,AMD EPYC 7763,${gpuModel},1`

describe('skipped rows', () => {
  it('counts each rejected row once however many errors it has (3 rows, 6 errors)', () => {
    const text = [
      CODECARBON_HEADER,
      'yesterday,lab,a,abc,0.5,1,FRA,cpu,,',
      'today,lab,b,-1,0.5,1,FRA,cpu,,',
      'now,lab,c,x,0.5,1,FRA,cpu,,'
    ].join('\n')
    const result = imported(text, 'bad.csv')
    expect(result.rows).toBe(3)
    expect(result.runs).toHaveLength(0)
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'duration'],
      [2, 'timestamp'],
      [3, 'duration'],
      [3, 'timestamp'],
      [4, 'duration'],
      [4, 'timestamp']
    ])
    expect(result.skippedRows).toBe(3)
  })

  it('skips every data row when a required column is missing (the error is on the header)', () => {
    const result = importedAs(
      'codecarbon',
      'timestamp,project_name,run_id,emissions\n2025-02-01T10:00:00Z,lab,a,1\n2025-02-01T11:00:00Z,lab,b,1\n',
      'noduration.csv'
    )
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([[1, 'duration']])
    expect(result.skippedRows).toBe(2)
  })

  it('nvidia-smi: a bad sample skips its row; a log without a power column skips them all', () => {
    const log = [
      'timestamp, name, power.draw [W]',
      '2026/11/20 12:00:00.000, NVIDIA H100 80GB HBM3, 100.00 W',
      '2026/11/20 12:00:01.000, NVIDIA H100 80GB HBM3, lots',
      '2026/11/20 12:00:02.000, NVIDIA H100 80GB HBM3, 100.00 W'
    ].join('\n')
    const one = imported(log, 'h100.csv')
    expect(one.runs).toHaveLength(1)
    expect(one.skippedRows).toBe(1)
    const none = importedAs('nvidia-smi', log.replace('power.draw [W]', 'temperature.gpu'), 'h100.csv')
    expect(none.runs).toHaveLength(0)
    expect(none.skippedRows).toBe(3)
  })

  it('ledger CSV: a row with two bad cells counts once; JSON counts runs', () => {
    const csv = imported(
      'title,startedAt,durationS,pue\na,2026-01-01T00:00:00Z,x,9\nb,2026-01-01T00:00:00Z,60,1.2\n',
      'runs.csv'
    )
    expect(csv.errors.map((e) => e.row)).toEqual([2])
    expect(csv.skippedRows).toBe(1)
    const json = imported(
      JSON.stringify([
        { title: 'a', startedAt: 'no', durationS: -1 },
        7,
        { title: 'ok', startedAt: '2026-01-01T00:00:00Z', durationS: 60 }
      ]),
      'runs.json'
    )
    expect(json.errors.map((e) => e.row)).toEqual([1, 1, 2])
    expect(json.skippedRows).toBe(2)
  })

  it('runs carry the row they were read from', () => {
    const result = importFixture('codecarbon/oddity-bad-values.csv')
    expect(result.runs.map((r) => r.row)).toEqual([2, 6])
  })
})

describe('implausible values are kept, with a warning naming file, row and field', () => {
  it('a CodeCarbon duration of 2 years moves the start back: warned, still imported; 1e9 s (31.7 years) is refused', () => {
    const twoYearsS = 2 * 365.25 * 86_400
    const result = imported(`${CODECARBON_HEADER}\n${codecarbonRow('long', twoYearsS, 1)}\n`, 'cc.csv')
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0]?.input.startedAt).toBe('2023-02-01T22:00:00Z')
    const [warning, ...rest] = plausibility(result)
    expect(rest).toEqual([])
    expect(warning).toMatchObject({ row: 2, field: 'duration' })
    expect(warning?.message).toBe(
      'cc.csv row 2: duration 63115200 s is 2.0 years, longer than any ML run: check the value ' +
        '(the run would start on 2023-02-01T22:00:00.000Z and its emissions would be spread over all that time)'
    )
    const refused = imported(`${CODECARBON_HEADER}\n${codecarbonRow('long', 1e9, 1)}\n`, 'cc.csv')
    expect(refused.runs).toEqual([])
    expect(refused.errors).toMatchObject([{ row: 2, field: 'duration' }])
  })

  it('5000 kWh in one hour for a CPU and one GPU is a 5000 kW mean draw, above 2 × 2 kW', () => {
    const result = imported(`${CODECARBON_HEADER}\n${codecarbonRow('hot', 3600, 5000)}\n`, 'cc.csv')
    expect(result.runs).toHaveLength(1)
    const warnings = plausibility(result)
    expect(warnings.map((w) => [w.row, w.field])).toEqual([[2, 'energy_consumed']])
    expect(warnings[0]?.message).toBe(
      'cc.csv row 2: energy_consumed 5000 kWh in 1.00 h is a mean draw of 5000 kW, more than 2 device(s) can draw (4 kW at most): check the value and its unit'
    )
  })

  it('is silent at the limits: exactly a year, exactly 2 kW per device', () => {
    const yearS = PLAUSIBILITY_LIMITS.maxDurationS
    // a CPU and a GPU for a year at 4 kW: 4 kW × 8766 h
    const atLimits = imported(`${CODECARBON_HEADER}\n${codecarbonRow('edge', yearS, 4 * 8766)}\n`, 'cc.csv')
    expect(plausibility(atLimits)).toEqual([])
    const justOver = imported(`${CODECARBON_HEADER}\n${codecarbonRow('edge', yearS + 1, 4 * 8766 * 1.001)}\n`, 'cc.csv')
    expect(plausibility(justOver).map((w) => w.field)).toEqual(['duration', 'energy_consumed'])
  })

  it('the summed energy is named by its columns; the IT share of an energy with PUE is checked', () => {
    const header = 'timestamp,run_id,duration,cpu_energy,gpu_energy,ram_energy,pue,country_iso_code'
    // 25 kWh in 1 h with no devices: 25 kW > 10 kW
    const summed = imported(`${header}\n2025-02-01T10:00:00Z,a,3600,5,15,5,,FRA\n`, 'cc.csv')
    expect(plausibility(summed).map((w) => [w.field, w.msg?.id])).toEqual([
      ['cpu_energy + gpu_energy + ram_energy', 'import.highPowerNoDevices']
    ])
    // 15 kWh with a PUE of 2 is 7.5 kWh of IT energy: under 10 kW
    const withPue = imported(`${header}\n2025-02-01T10:00:00Z,a,3600,5,5,5,2,FRA\n`, 'cc.csv')
    expect(plausibility(withPue)).toEqual([])
  })

  it('the bundled samples warn about nothing implausible', () => {
    for (const fixture of [
      'codecarbon/codecarbon-repo-sample.csv',
      'nvidia-smi/h100-training-power.csv',
      'nvidia-smi/multi-gpu.csv'
    ]) {
      expect(plausibility(importFixture(fixture))).toEqual([])
    }
  })

  it('nvidia-smi: a GPU drawing 5000 W is named once, by its power column, for the whole file', () => {
    const log = [
      'timestamp, name, power.draw [W]',
      '2026/11/20 12:00:00.000Z, NVIDIA H100 80GB HBM3, 5000.00 W',
      '2026/11/20 12:00:01.000Z, NVIDIA H100 80GB HBM3, 5000.00 W'
    ].join('\n')
    const warnings = plausibility(imported(log, 'h100.csv'))
    expect(warnings.map((w) => [w.row, w.field, w.msg?.id])).toEqual([
      [undefined, 'power.draw', 'import.highDevicePower']
    ])
    expect(warnings[0]?.message).toBe(
      'h100.csv: power.draw 5000 W for a single device (NVIDIA H100 80GB HBM3) is more than one device can draw (2000 W at most): check the value and its unit'
    )
  })

  it('ledger files: device power by its column, a service over a year is fine, JSON names the run', () => {
    const csv = [
      'title,startedAt,durationS,hoursPerDay,measuredEnergyKWh,device2.kind,device2.name,device2.count,device2.measuredPowerW',
      'hot,2026-01-01T00:00:00Z,3600,,,gpu,A100,1,5000',
      'service,2024-01-01T00:00:00Z,63115200,8,,gpu,A100,1,300',
      'unknown devices,2026-01-01T00:00:00Z,3600,,20,,,,'
    ].join('\n')
    const warnings = plausibility(imported(csv, 'runs.csv'))
    expect(warnings.map((w) => [w.row, w.field, w.msg?.id])).toEqual([
      [2, 'device2.measuredPowerW', 'import.highDevicePower'],
      [4, 'measuredEnergyKWh', 'import.highPowerNoDevices']
    ])
    expect(warnings[1]?.message).toBe(
      'runs.csv row 4: measuredEnergyKWh 20 kWh in 1.00 h is a mean draw of 20.00 kW, more than a run of unknown devices is taken to draw (10 kW at most): check the value and its unit'
    )
    const json = imported(
      JSON.stringify([{ title: 'long', startedAt: '2026-01-01T00:00:00Z', durationS: 4e7 }]),
      'runs.json'
    )
    expect(plausibility(json).map((w) => [w.row, w.field])).toEqual([[1, 'durationS']])
    expect(plausibility(json)[0]?.message).toMatch(/^runs\.json run 1: durationS 40000000 s is 1\.3 years/)
  })
})

describe("a file's own emissions against its energy", () => {
  const intensityWarnings = (result: ImportResult) =>
    result.warnings.filter((w) => w.msg?.id === 'import.implausibleIntensity')

  it('warns, naming file, row and field, when emissions and energy imply an intensity no grid has (Wh as kWh)', () => {
    // 0.5 kg for 2,500 kWh is 0.2 g/kWh: the energy was most likely written in Wh
    const text = [CODECARBON_HEADER, codecarbonRow('ok', 3600, 1.2), codecarbonRow('wh', 7200, 2500)].join('\n')
    const result = imported(text, 'units.csv')
    expect(result.runs).toHaveLength(2)
    const warnings = intensityWarnings(result)
    expect(warnings.map((w) => [w.row, w.field])).toEqual([[3, 'emissions']])
    expect(warnings[0]!.message).toContain('units.csv row 3')
    expect(warnings[0]!.message).toContain('0.200 g/kWh')
  })

  it('warns above the highest intensity too (kg written as g) and not at a plausible 417 g/kWh', () => {
    const text = [CODECARBON_HEADER, codecarbonRow('g', 3600, 0.0001), codecarbonRow('ok', 3600, 1.2)].join('\n')
    const result = imported(text, 'grams.csv')
    expect(intensityWarnings(result).map((w) => w.row)).toEqual([2])
  })

  it('stays quiet on the real CodeCarbon sample', () => {
    const result = importFixture('codecarbon/codecarbon-repo-sample.csv')
    expect(intensityWarnings(result)).toEqual([])
  })
})
