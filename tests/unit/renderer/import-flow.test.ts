import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  backupFileName,
  backupIfDue,
  needsSafetyBackup,
  SAFETY_BACKUP_RUNS,
  safetyBackup
} from '../../../renderer/src/app/backup-flow'
import { localDay } from '../../../renderer/src/format/local-day'
import { translateMessage } from '../../../renderer/src/i18n/translate'
import {
  chunksOfBlob,
  chunksOfText,
  parseChunks,
  previewWarnings,
  rowErrorsCsv,
  rowErrorsFileName,
  skippedRowCount,
  storedEnergies,
  storedEnergy,
  type TextChunk,
  UTC_OFFSETS_MINUTES,
  utcOffsetLabel
} from '../../../renderer/src/screens/import/import-flow'
import type { RunInput } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { catalogueMatcher } from '../../../shared/import/index'
import { type ImportResult, importText } from '../../../shared/import/index'
import { loadReferenceData } from '../../../shared/refdata/index'

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/import/${path}`, import.meta.url))
const options = { matchHardware: catalogueMatcher(loadReferenceData()) }
const noPause = () => Promise.resolve()

const collect = async (chunks: AsyncIterable<TextChunk>) => {
  const out: TextChunk[] = []
  for await (const c of chunks) out.push(c)
  return out
}

/** A Blob whose stream delivers the given byte pieces, as a browser's file stream may split them anywhere. */
const blobOfPieces = (pieces: Uint8Array[]): Blob =>
  ({
    size: pieces.reduce((n, p) => n + p.byteLength, 0),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const p of pieces) controller.enqueue(p)
          controller.close()
        }
      })
  }) as unknown as Blob

describe('reading in chunks', () => {
  it('decodes a UTF-8 character split across two stream chunks, with byte progress', async () => {
    const bytes = new TextEncoder().encode('a,île\n') // î is 2 bytes: c3 ae at offsets 2–3
    const chunks = await collect(chunksOfBlob(blobOfPieces([bytes.slice(0, 3), bytes.slice(3)])))
    expect(chunks.map((c) => c.text).join('')).toBe('a,île\n')
    expect(chunks.map((c) => c.done)).toEqual([3, 7])
    expect(chunks.every((c) => c.total === 7)).toBe(true)
  })

  it('slices text in memory and reports characters done', async () => {
    const chunks = await collect(chunksOfText('abcdefghij', 4))
    expect(chunks.map((c) => [c.text, c.done, c.total])).toEqual([
      ['abcd', 4, 10],
      ['efgh', 8, 10],
      ['ij', 10, 10]
    ])
  })
})

describe('parseChunks', () => {
  it('imports the CodeCarbon sample the same in 97-character slices as whole: 21 runs of 28 rows', async () => {
    const text = fixture('codecarbon/codecarbon-repo-sample.csv').toString('utf8')
    const progress: number[] = []
    const sliced = await parseChunks(
      'sample.csv',
      chunksOfText(text, 97),
      options,
      (done) => progress.push(done),
      noPause
    )
    const whole = await parseChunks('sample.csv', chunksOfText(text), options, undefined, noPause)
    if (!sliced.ok || !whole.ok) throw new Error('expected both to parse')
    expect(sliced.result.format).toBe('codecarbon')
    expect(sliced.result.rows).toBe(28)
    expect(sliced.result.runs).toHaveLength(21)
    expect(sliced.result.runs.map((r) => r.externalId)).toEqual(whole.result.runs.map((r) => r.externalId))
    expect(progress).toHaveLength(Math.ceil(text.length / 97))
    expect(progress.at(-1)).toBe(text.length)
  })

  it('imports the H100 nvidia-smi log from a Blob stream as one run', async () => {
    const bytes = new Uint8Array(fixture('nvidia-smi/h100-training-power.csv'))
    const pieces = [bytes.slice(0, 5000), bytes.slice(5000, 20000), bytes.slice(20000)]
    const outcome = await parseChunks('h100.csv', chunksOfBlob(blobOfPieces(pieces)), options, undefined, noPause)
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.result.format).toBe('nvidia-smi')
    expect(outcome.result.rows).toBe(323)
    expect(outcome.result.runs).toHaveLength(1)
    expect(outcome.result.runs[0]!.input.devices[0]!.name).toContain('H100')
  })

  it('refuses a binary file naming it, and an empty one', async () => {
    const png = new Uint8Array(fixture('detect/binary.png'))
    const binary = await parseChunks('photo.png', chunksOfBlob(blobOfPieces([png])), options, undefined, noPause)
    expect(binary).toMatchObject({
      ok: false,
      error: 'photo.png is a binary file, not a text export (it holds NUL bytes)'
    })
    const empty = await parseChunks('nothing.csv', chunksOfText(''), options, undefined, noPause)
    expect(empty).toMatchObject({ ok: false, error: 'nothing.csv is empty' })
  })

  it('detects from the first 8192 characters even when a long file arrives in small chunks', async () => {
    const unknown = 'name,value\n' + 'x,1\n'.repeat(5000)
    const seen: number[] = []
    const outcome = await parseChunks(
      'other.csv',
      chunksOfText(unknown, 1000),
      options,
      (done) => seen.push(done),
      noPause
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^other\.csv: unknown layout/)
    // It stops at the chunk that completes the head: 9 chunks of 1,000 characters, not the whole 20,011.
    expect(seen).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000])
  })

  it('keeps bad rows as errors with row and field', async () => {
    const text = fixture('codecarbon/oddity-bad-values.csv').toString('utf8')
    const outcome = await parseChunks('odd.csv', chunksOfText(text, 50), options, undefined, noPause)
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.result.runs).toHaveLength(2)
    expect(outcome.result.errors[0]).toMatchObject({
      row: 3,
      field: 'cpu_energy',
      message: 'odd.csv row 3: cpu_energy -0.5 is negative'
    })
  })
})

describe('row errors CSV and file names', () => {
  it('writes one line per error with the header, quoting and neutralising formulas', () => {
    const csv = rowErrorsCsv([
      { fileName: 'a.csv', row: 3, field: 'duration', message: 'duration "abc" is not a number' },
      { fileName: 'b.csv', row: 9, field: 'project', message: '=HYPERLINK("x")' }
    ])
    expect(csv).toBe(
      'file,row,field,message\r\na.csv,3,duration,"duration ""abc"" is not a number"\r\nb.csv,9,project,"\'=HYPERLINK(""x"")"\r\n'
    )
  })

  it('writes the messages in the screen’s language when given it', async () => {
    const text = fixture('codecarbon/oddity-bad-values.csv').toString('utf8')
    const outcome = await parseChunks('odd.csv', chunksOfText(text), options, undefined, noPause)
    if (!outcome.ok) throw new Error(outcome.error)
    const errors = outcome.result.errors.slice(0, 1).map((e) => ({ fileName: 'odd.csv', ...e }))
    expect(rowErrorsCsv(errors, (e) => translateMessage('de', e.msg, e.message))).toBe(
      'file,row,field,message\r\nodd.csv,3,cpu_energy,odd.csv Zeile 3: cpu_energy -0.5 ist negativ\r\n'
    )
  })

  it('refuses in the screen’s language too', async () => {
    const empty = await parseChunks('nothing.csv', chunksOfText(''), options, undefined, noPause)
    expect(!empty.ok && translateMessage('de', empty.errorMsg)).toBe('nothing.csv ist leer')
  })

  it('names files by the local day', () => {
    const day = new Date(2026, 0, 5, 23, 30)
    expect(localDay(day)).toBe('2026-01-05')
    expect(backupFileName(day)).toBe('carbon-ledger-backup-2026-01-05.jsonl.gz')
    expect(rowErrorsFileName('my runs (v2).csv', day)).toBe('import-errors-my_runs_v2_-2026-01-05.csv')
  })
})

describe('backupIfDue and safetyBackup', () => {
  /** A host that keeps what it is sent, and a ledger whose archive is three chunks. */
  const setUp = (due: boolean, failClose = false) => {
    const chunks: number[][] = []
    const calls: string[] = []
    const host = {
      backupStatus: async () => ({ due, latest: null, keep: 7 }),
      openArchiveWrite: async () => ({ status: 'open' as const, writeId: 'a'.repeat(24) }),
      writeArchiveChunk: async (_id: string, bytes: Uint8Array) => {
        chunks.push([...bytes])
      },
      closeArchiveWrite: async () => {
        calls.push('close')
        if (failClose) throw new Error('The backup was not kept: reading it back failed.')
        return {
          fileName: 'carbon-ledger-backup-2026-01-05.jsonl.gz',
          sizeBytes: 3,
          counts: { runs: 1 },
          refusedCount: 0,
          refused: [],
          removed: []
        }
      },
      abortArchiveWrite: async () => {
        calls.push('abort')
      }
    }
    const ledger = {
      backups: {
        exportArchive: () => ({
          stream: new Blob([new Uint8Array([1]), new Uint8Array([2, 3])]).stream(),
          summary: Promise.resolve({ counts: {} as never, skippedCount: 0, skipped: [] })
        }),
        verify: () => Promise.reject(new Error('unused')),
        restore: () => Promise.reject(new Error('unused'))
      }
    }
    return { host, ledger, chunks, calls }
  }

  it('streams the archive to the host when a backup is due, and reports what was written', async () => {
    const { host, ledger, chunks, calls } = setUp(true)
    const result = await backupIfDue(host, ledger)
    expect(result?.written.fileName).toBe('carbon-ledger-backup-2026-01-05.jsonl.gz')
    expect(chunks.flat()).toEqual([1, 2, 3])
    expect(calls).toEqual(['close'])
  })

  it('does not export when none is due (the browser host never is)', async () => {
    const { host, ledger, chunks } = setUp(false)
    expect(await backupIfDue(host, ledger)).toBeUndefined()
    expect(chunks).toEqual([])
  })

  it('stops a destructive change when its safety backup does not read back', async () => {
    const { host, ledger, calls } = setUp(true, true)
    await expect(safetyBackup(host, ledger)).rejects.toThrow(/safety backup taken before this change failed/)
    expect(calls).toEqual(['close', 'abort'])
  })

  it('takes one on the desktop before replacing, emptying a trash with runs, or undoing over 10,000 runs', () => {
    const yes = [
      { kind: 'replace' },
      { kind: 'empty-trash', runs: 1 },
      { kind: 'undo-import', runs: SAFETY_BACKUP_RUNS + 1 }
    ] as const
    const no = [
      { kind: 'merge' },
      { kind: 'empty-trash', runs: 0 },
      { kind: 'undo-import', runs: SAFETY_BACKUP_RUNS }
    ] as const
    for (const change of yes) expect(needsSafetyBackup('desktop', change)).toBe(true)
    for (const change of no) expect(needsSafetyBackup('desktop', change)).toBe(false)
    // The browser has no backups folder: nothing is taken there (the replace dialog asks for an export instead).
    for (const change of [...yes, ...no]) expect(needsSafetyBackup('web', change)).toBe(false)
  })
})

describe('time-zone offsets of a file', () => {
  it('runs from −12:00 to +14:00 in order, without duplicates, with India and Nepal', () => {
    expect(UTC_OFFSETS_MINUTES[0]).toBe(-720)
    expect(UTC_OFFSETS_MINUTES.at(-1)).toBe(840)
    expect(new Set(UTC_OFFSETS_MINUTES).size).toBe(UTC_OFFSETS_MINUTES.length)
    expect([...UTC_OFFSETS_MINUTES].sort((a, b) => a - b)).toEqual(UTC_OFFSETS_MINUTES)
    expect(UTC_OFFSETS_MINUTES).toContain(330)
    expect(UTC_OFFSETS_MINUTES).toContain(345)
    expect(UTC_OFFSETS_MINUTES).toContain(60)
  })
  it('labels them as UTC±hh:mm', () => {
    expect(utcOffsetLabel(0)).toBe('UTC')
    expect(utcOffsetLabel(60)).toBe('UTC+01:00')
    expect(utcOffsetLabel(345)).toBe('UTC+05:45')
    expect(utcOffsetLabel(-210)).toBe('UTC\u221203:30')
    expect(utcOffsetLabel(-720)).toBe('UTC\u221212:00')
  })
})

const imported = (text: string, fileName: string): ImportResult => {
  const result = importText(text, fileName, options)
  if ('error' in result) throw new Error(result.error)
  return result
}

describe('the preview of an import', () => {
  it('counts skipped rows, not errors: 3 rows with 2 errors each are 3 rows; runs the ledger refused add one each', () => {
    const text = 'timestamp,run_id,duration\nyesterday,a,abc\ntoday,b,-1\nnow,c,x\n'
    const result = imported(text, 'bad.csv')
    expect(result.errors).toHaveLength(6)
    expect(skippedRowCount(result, result.errors)).toBe(3)
    // the ledger's preview lists the importer's errors, then one entry per run it could not use
    expect(skippedRowCount(result, [...result.errors, { row: 1 }, { row: 2 }])).toBe(5)
  })

  it("says a run's warning at its file row with its title; the importer's own warnings stay as they are", () => {
    const text =
      'timestamp,run_id,duration,energy_consumed\n2025-02-01T10:00:00Z,a,60,0.001\n2025-02-01T11:00:00Z,b,63115200,0.001\n'
    const warnings = previewWarnings(imported(text, 'cc.csv'))
    const own = warnings.filter((w) => !w.run)
    expect(own.map((w) => w.msg?.id)).toEqual(['import.longDuration'])
    expect(own[0]?.message).toMatch(/^cc\.csv row 3: duration 63115200 s is 2\.0 years/)
    const ofRuns = warnings.filter((w) => w.run)
    // each run: no location given (no country), on its row
    expect(ofRuns.map((w) => [w.run?.row, w.run?.unit, w.run?.title, w.msg?.id])).toEqual([
      [2, 'row', 'CodeCarbon run 2025-02-01T10:00:00Z', 'import.noLocation'],
      [3, 'row', 'CodeCarbon run 2025-02-01T11:00:00Z', 'import.noLocation']
    ])
    expect(translateMessage('de', ofRuns[0]?.msg, '')).toBe('die Datei nennt keinen Standort: bitte angeben')
  })

  it('numbers the runs of a JSON file as runs; an nvidia-smi log is one run without a row', () => {
    const json = imported(
      JSON.stringify([{ title: 'sweep', startedAt: '2026-01-01T00:00:00Z', durationS: 60 }]),
      'runs.json'
    )
    const [run] = json.runs
    if (!run) throw new Error('expected a run')
    expect(run.row).toBe(1)
    const warned = { ...json, runs: [{ ...run, warnings: ['check it'] }] }
    expect(previewWarnings(warned).map((w) => [w.message, w.run])).toEqual([
      ['check it', { row: 1, unit: 'run', title: 'sweep' }]
    ])
    const log = imported(fixture('nvidia-smi/h100-training-power.csv').toString('utf8'), 'h100.csv')
    const ofRun = previewWarnings(log).filter((w) => w.run)
    expect(ofRun.map((w) => w.msg?.id)).toEqual(['import.gpuOnly'])
    expect(ofRun[0]?.run).toEqual({ unit: 'row', title: 'nvidia-smi power log h100.csv' })
  })

  it('shows the energy the ledger stores: the H100 log measured 21.16 Wh, × the default PUE 1.56 = 33.01 Wh', () => {
    const ref = loadReferenceData()
    const lab = labDefaultsSchema.parse({})
    const log = imported(fixture('nvidia-smi/h100-training-power.csv').toString('utf8'), 'h100.csv')
    const [energy] = storedEnergies(log.runs, (input) => estimateRun(input, ref, lab), 200)
    if (energy?.kind !== 'withPue') throw new Error(`expected the PUE applied, got ${energy?.kind}`)
    // 76.171 kJ / 3600 = 21.159 Wh; × 1.56 = 33.007 Wh
    expect(energy.measuredKWh * 1000).toBeCloseTo(21.159, 3)
    expect(energy.pue).toBe(1.56)
    expect(energy.storedKWh * 1000).toBeCloseTo(21.1587 * 1.56, 3)
  })

  it('says when the PUE is already in the file, when it is 1, and when the energy is an estimate', () => {
    const ref = loadReferenceData()
    const lab = labDefaultsSchema.parse({})
    const base: RunInput = {
      kind: 'training',
      title: 't',
      project: '',
      person: '',
      startedAt: '2025-02-01T10:00:00Z',
      durationS: 3600,
      devices: [],
      location: { kind: 'unknown' },
      measuredEnergyKWh: 2,
      measuredEnergyIncludesPue: true,
      pue: 1.2,
      tags: [],
      notes: '',
      source: { kind: 'manual' }
    }
    const compute = (input: RunInput) => storedEnergy(input, estimateRun(input, ref, lab))
    expect(compute(base)).toEqual({ kind: 'pueIncluded', storedKWh: 2 })
    expect(compute({ ...base, measuredEnergyIncludesPue: false, pue: 1 })).toEqual({ kind: 'measured', storedKWh: 2 })
    expect(compute({ ...base, measuredEnergyIncludesPue: false, pue: 1.5 })).toEqual({
      kind: 'withPue',
      measuredKWh: 2,
      pue: 1.5,
      storedKWh: 3
    })
    const { measuredEnergyKWh: _measured, ...estimated } = base
    expect(
      compute({ ...estimated, devices: [{ kind: 'gpu', name: 'x', count: 1, utilization: 1, powerW: 500 }], pue: 1.2 })
    ).toEqual({ kind: 'estimated', storedKWh: 0.6 })
  })

  it('lists only the first runs, and leaves a run that cannot be computed blank', () => {
    const text =
      'timestamp,run_id,duration,energy_consumed\n2025-02-01T10:00:00Z,a,60,1\n2025-02-01T11:00:00Z,b,60,2\n2025-02-01T12:00:00Z,c,60,3\n'
    const runs = imported(text, 'cc.csv').runs
    const energies = storedEnergies(
      runs,
      (input) => {
        if (input.measuredEnergyKWh === 2) throw new Error('no')
        return estimateRun(input, loadReferenceData(), labDefaultsSchema.parse({}))
      },
      2
    )
    expect(energies.map((e) => e?.kind)).toEqual(['withPue', undefined])
  })
})
