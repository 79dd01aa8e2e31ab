import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogueMatcher } from '../../../shared/import/index'
import { loadReferenceData } from '../../../shared/refdata/index'
import { backupFileName, backupIfDue, localDay } from '../../../renderer/src/screens/backup-flow'
import { translateMessage } from '../../../renderer/src/i18n/translate'
import { chunksOfBlob, chunksOfText, parseChunks, rowErrorsCsv, rowErrorsFileName, UTC_OFFSETS_MINUTES, utcOffsetLabel, type TextChunk } from '../../../renderer/src/screens/import-flow'

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
    expect(chunks.map((c) => [c.text, c.done, c.total])).toEqual([['abcd', 4, 10], ['efgh', 8, 10], ['ij', 10, 10]])
  })
})

describe('parseChunks', () => {
  it('imports the CodeCarbon sample the same in 97-character slices as whole: 21 runs of 28 rows', async () => {
    const text = fixture('codecarbon/codecarbon-repo-sample.csv').toString('utf8')
    const progress: number[] = []
    const sliced = await parseChunks('sample.csv', chunksOfText(text, 97), options, (done) => progress.push(done), noPause)
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
    expect(binary).toMatchObject({ ok: false, error: 'photo.png is a binary file, not a text export (it holds NUL bytes)' })
    const empty = await parseChunks('nothing.csv', chunksOfText(''), options, undefined, noPause)
    expect(empty).toMatchObject({ ok: false, error: 'nothing.csv is empty' })
  })

  it('detects from the first 8192 characters even when a long file arrives in small chunks', async () => {
    const unknown = 'name,value\n' + 'x,1\n'.repeat(5000)
    const seen: number[] = []
    const outcome = await parseChunks('other.csv', chunksOfText(unknown, 1000), options, (done) => seen.push(done), noPause)
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
    expect(outcome.result.errors[0]).toMatchObject({ row: 3, field: 'cpu_energy', message: 'odd.csv row 3: cpu_energy -0.5 is negative' })
  })
})

describe('row errors CSV and file names', () => {
  it('writes one line per error with the header, quoting and neutralising formulas', () => {
    const csv = rowErrorsCsv([
      { fileName: 'a.csv', row: 3, field: 'duration', message: 'duration "abc" is not a number' },
      { fileName: 'b.csv', row: 9, field: 'project', message: '=HYPERLINK("x")' }
    ])
    expect(csv).toBe('file,row,field,message\r\na.csv,3,duration,"duration ""abc"" is not a number"\r\nb.csv,9,project,"\'=HYPERLINK(""x"")"\r\n')
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
    expect(backupFileName(day)).toBe('carbon-ledger-backup-2026-01-05.json')
    expect(rowErrorsFileName('my runs (v2).csv', day)).toBe('import-errors-my_runs_v2_-2026-01-05.csv')
  })
})

describe('backupIfDue', () => {
  const entry = { fileName: 'carbon-ledger-backup-2026-01-05.json', day: '2026-01-05', sizeBytes: 10 }
  it('writes the exported archive when the host says a backup is due', async () => {
    const written: string[] = []
    const host = {
      backupStatus: async () => ({ due: true, latest: null, keep: 7 }),
      writeBackup: async (json: string) => {
        written.push(json)
        return { written: entry, removed: [] }
      }
    }
    expect(await backupIfDue(host, async () => '{"a":1}')).toBe('carbon-ledger-backup-2026-01-05.json')
    expect(written).toEqual(['{"a":1}'])
  })

  it('does not export when none is due (the browser host never is)', async () => {
    let exported = 0
    const host = {
      backupStatus: async () => ({ due: false, latest: entry, keep: 7 }),
      writeBackup: () => Promise.reject(new Error('must not be called'))
    }
    expect(await backupIfDue(host, async () => String(++exported))).toBeUndefined()
    expect(exported).toBe(0)
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
