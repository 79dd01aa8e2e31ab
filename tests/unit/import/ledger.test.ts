import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createImporter, importText } from '../../../shared/import'
import { fieldOfPath } from '../../../shared/import/issues'
import { importFixture, runById } from './support'

describe('ledger CSV', () => {
  it('reads flattened RunInput columns: devices, location, tags, spreadsheet dates', () => {
    const result = importFixture('ledger/ledger-runs.csv')
    expect(result.format).toBe('ledger-csv')
    expect(result.errors).toEqual([])
    expect(result.rows).toBe(2)
    const bert = runById(result, 'lab-0001')
    expect(bert.input).toEqual({
      kind: 'fine-tuning',
      title: 'BERT fine-tune',
      project: 'nlp',
      person: 'Ada',
      startedAt: '2026-10-05T14:30:00Z',
      durationS: 7200,
      devices: [
        { kind: 'gpu', name: 'NVIDIA A100-SXM4-80GB', count: 4, utilization: 0.8 },
        { kind: 'cpu', name: 'AMD EPYC 7742', count: 1, cores: 16, utilization: 1 }
      ],
      memoryGB: 256,
      location: { kind: 'country', code: 'FRA' },
      pue: 1.2,
      measuredEnergyIncludesPue: false,
      tags: ['bert', 'nlp'],
      notes: 'quoted, with a comma',
      source: { kind: 'ledger', fileName: 'ledger-runs.csv', externalId: 'lab-0001' }
    })
    expect(bert.emissionsSource).toBe('computed')
    const sweep = result.runs[1]
    expect(sweep?.externalId).toMatch(/^ledger:[0-9a-f]{16}$/)
    expect(sweep?.input.startedAt).toBe('2026-10-06T06:00:00Z')
    expect(sweep?.input.location).toEqual({ kind: 'cloud', provider: 'gcp', region: 'europe-west4' })
    expect(sweep?.input.measuredEnergyKWh).toBe(12.5)
    expect(sweep?.input.measuredEnergyIncludesPue).toBe(true)
    expect(sweep?.emissionsSource).toBe('reported')
    expect(result.warnings.map((w) => w.field)).toEqual(['startedAt'])
  })

  it('names the row and the column of every invalid value, and imports the valid rows', () => {
    const result = importFixture('ledger/ledger-errors.csv')
    expect(result.runs.map((r) => r.input.title)).toEqual(['ok'])
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'durationS'],
      [4, 'device1.count'],
      [5, 'device2.utilization'],
      [6, 'location.code'],
      [7, 'measuredEnergyIncludesPue'],
      [8, 'startedAt']
    ])
    expect(result.errors[1]?.message).toBe('ledger-errors.csv row 4: device1.count "two" is not a number')
    expect(result.errors[0]?.message).toMatch(/^ledger-errors\.csv row 3: durationS: /)
  })

  it('accepts header names in other spellings and ignores unknown columns with a warning', () => {
    const result = importText(
      'Started At,duration_s,Device1 Name,device1_kind,device1_count,colour\n2026-01-01T00:00:00Z,60,T4,gpu,1,red\n',
      'spelled.csv'
    )
    if ('error' in result) throw new Error(result.error)
    expect(result.errors).toEqual([])
    expect(result.runs[0]?.input.devices).toEqual([{ kind: 'gpu', name: 'T4', count: 1, utilization: 1 }])
    expect(result.warnings).toMatchObject([{ row: 1, message: 'spelled.csv: unknown column(s) ignored: colour' }])
  })

  it('warns when two rows carry the same id', () => {
    const importer = createImporter('ledger-csv', { fileName: 'twice.csv' })
    importer.push('externalId,startedAt,durationS\nlab-1,2026-01-01T00:00:00Z,60\nlab-1,2026-01-01T00:00:00Z,90\n')
    const result = importer.finish()
    expect(result.runs.map((r) => r.input.durationS)).toEqual([60, 90])
    expect(result.warnings).toMatchObject([
      { row: 3, message: 'twice.csv row 3: the id lab-1 was already used on row 2; the import keeps the later row' }
    ])
  })

  it('gives device errors the number the file used, even with gaps in the numbering', () => {
    const importer = createImporter('ledger-csv', { fileName: 'gaps.csv' })
    importer.push('startedAt,durationS,device2.kind,device2.name,device2.count\n2026-01-01T00:00:00Z,60,gpu,T4,0\n')
    expect(importer.finish().errors.map((e) => e.field)).toEqual(['device2.count'])
  })
})

describe('ledger JSON', () => {
  it('validates each run and names the run number and field path of errors', () => {
    const result = importFixture('ledger/ledger-runs.json')
    expect(result.format).toBe('ledger-json')
    expect(result.rows).toBe(3)
    expect(result.runs).toHaveLength(1)
    const run = runById(result, 'lab-0100')
    expect(run.input.startedAt).toBe('2026-08-31T22:00:00Z')
    expect(run.input.hoursPerDay).toBe(8)
    expect(run.input.location).toEqual({ kind: 'zone', zone: 'DE-LU' })
    expect(run.input.source).toEqual({ kind: 'ledger', fileName: 'ledger-runs.json', externalId: 'lab-0100' })
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'device1.count'],
      [3, '(run)']
    ])
  })

  it('accepts a bare list and keeps the source of runs first imported from elsewhere', () => {
    const text = JSON.stringify([
      {
        startedAt: '2026-01-01T00:00:00Z',
        durationS: 1,
        source: { kind: 'codecarbon', fileName: 'emissions.csv', externalId: 'codecarbon:abc' }
      }
    ])
    const result = importText(text, 'backup.json')
    if ('error' in result) throw new Error(result.error)
    expect(result.runs[0]?.externalId).toBe('codecarbon:abc')
    expect(result.runs[0]?.input.source).toEqual({
      kind: 'codecarbon',
      fileName: 'emissions.csv',
      externalId: 'codecarbon:abc'
    })
  })

  it("carries a run's energy per hour, and refuses one a hostile file makes too long, negative or not numbers", () => {
    const run = { startedAt: '2026-01-01T00:30:00Z', durationS: 3600, measuredEnergyKWh: 1 }
    const text = JSON.stringify([
      { ...run, energyByHourKWh: [0.25, 0.75] },
      { ...run, energyByHourKWh: [0.25, 0.5, 0.25] },
      { ...run, energyByHourKWh: [-1, 2] },
      { ...run, energyByHourKWh: ['1', 0] },
      { ...run, energyByHourKWh: 5 },
      { ...run, durationS: 0, energyByHourKWh: [1, 0] }
    ])
    const result = importText(text, 'runs.json')
    if ('error' in result) throw new Error(result.error)
    expect(result.runs.map((r) => r.input.energyByHourKWh)).toEqual([[0.25, 0.75]])
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'energyByHourKWh'],
      [3, 'energyByHourKWh.0'],
      [4, 'energyByHourKWh.0'],
      [5, 'energyByHourKWh'],
      [6, 'energyByHourKWh']
    ])
    expect(result.errors[0]?.message).toBe(
      'runs.json row 2: energyByHourKWh: more hours than the run touches (one per started hour, plus one)'
    ) // CSV has no column for it: one is ignored with the unknown-columns warning, and the run is weighted uniformly
    const csv = importText('startedAt,durationS,energyByHourKWh\n2026-01-01T00:30:00Z,3600,0.5\n', 'runs.csv')
    if ('error' in csv) throw new Error(csv.error)
    expect(csv.runs[0]?.input.energyByHourKWh).toBeUndefined()
    expect(csv.warnings.map((w) => w.message)).toEqual(['runs.csv: unknown column(s) ignored: energyByHourKWh'])
  })

  it('reports JSON that does not parse or holds no list', () => {
    const broken = importText('{"runs": [', 'broken.json')
    expect('error' in broken ? [] : broken.errors.map((e) => [e.row, e.field])).toEqual([[0, '(file)']])
    const noList = importText('{"runs": 3}', 'nolist.json')
    expect('error' in noList ? [] : noList.errors).toMatchObject([
      { row: 0, field: 'runs', message: 'nolist.json: expected a list of runs, or an object with a "runs" list' }
    ])
  })
})

describe('fieldOfPath', () => {
  it('turns zod paths into the names of the file', () => {
    expect(fieldOfPath(['devices', 0, 'count'])).toBe('device1.count')
    expect(fieldOfPath(['devices', 1, 'count'], [2, 5])).toBe('device5.count')
    expect(fieldOfPath(['location', 'code'])).toBe('location.code')
    expect(fieldOfPath([])).toBe('(run)')
  })
})

describe('the examples of docs/formats/ledger-run-format.md', () => {
  const doc = readFileSync(
    fileURLToPath(new URL('../../../docs/formats/ledger-run-format.md', import.meta.url)),
    'utf8'
  )
  const block = (language: string): string => {
    const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc)
    if (!match?.[1]) throw new Error(`no ${language} example in the documentation`)
    return match[1]
  }

  it('imports the CSV example as the text describes it', () => {
    const result = importText(block('csv'), 'example.csv')
    if ('error' in result) throw new Error(result.error)
    expect(result.errors).toEqual([])
    expect(
      result.runs.map((r) => [r.externalId, r.input.devices.length, r.input.pue, r.input.measuredEnergyKWh])
    ).toEqual([
      ['lab-0001', 2, 1.2, undefined],
      ['lab-0002', 1, undefined, 12.5]
    ])
    expect(runById(result, 'lab-0001').input.notes).toBe('lr 2e-5, 3 epochs')
  })

  it('imports the JSON example', () => {
    const result = importText(block('json'), 'example.json')
    if ('error' in result) throw new Error(result.error)
    expect(result.errors).toEqual([])
    expect(result.runs.map((r) => r.externalId)).toEqual(['lab-0100'])
  })

  it('quotes the error messages the import really gives', () => {
    const result = importFixture('ledger/ledger-errors.csv')
    const negative = result.errors
      .find((e) => e.field === 'durationS')
      ?.message.replace('ledger-errors.csv', 'runs.csv')
    expect(doc.replace(/\s+/g, ' ')).toContain(negative)
  })
})
