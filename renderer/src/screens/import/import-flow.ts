/**
 * The import screen's pure steps: reading a file in chunks without freezing the page, detecting its format from
 * the content, feeding the streaming importer, and the CSV of row errors. No React, no ledger: unit-tested in Node.
 */
import { toCsv } from '../../../../shared/csv/write'
import type { RunResult, StoredResult } from '../../../../shared/domain/result'
import type { RunInput } from '../../../../shared/domain/run'
import {
  createImporter,
  DETECT_HEAD_CHARS,
  detectFormat,
  type ImportedRun,
  type ImportOptions,
  type ImportResult
} from '../../../../shared/import'
import { english, type Message, msg, verbatim } from '../../../../shared/messages'
import { localDay } from '../../format/local-day'

/** A piece of a file's text and how far through the file it is (bytes for a Blob, characters for a string). */
export interface TextChunk {
  text: string
  done: number
  total: number
}

/** Characters per slice of a text already in memory (a file opened by the desktop host). */
export const TEXT_SLICE_CHARS = 256 * 1024

/** Gives the event loop a turn, so that the page repaints (progress bar) and stays responsive between chunks. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** A Blob's text in the chunks its stream delivers, decoded as UTF-8 across chunk boundaries. */
export async function* chunksOfBlob(blob: Blob): AsyncGenerator<TextChunk> {
  const reader = blob.stream().getReader()
  const decoder = new TextDecoder('utf-8')
  let done = 0
  for (;;) {
    const next = await reader.read()
    if (next.done) break
    done += next.value.byteLength
    yield { text: decoder.decode(next.value, { stream: true }), done, total: blob.size }
  }
  const rest = decoder.decode()
  if (rest) yield { text: rest, done, total: blob.size }
}

/** A text already in memory, in slices of sliceChars. */
export async function* chunksOfText(text: string, sliceChars = TEXT_SLICE_CHARS): AsyncGenerator<TextChunk> {
  for (let start = 0; start < text.length; start += sliceChars) {
    const end = Math.min(text.length, start + sliceChars)
    yield { text: text.slice(start, end), done: end, total: text.length }
  }
}

/** error: in English; errorMsg: the same for the screen's language. */
export type ParseOutcome = { ok: true; result: ImportResult } | { ok: false; error: string; errorMsg: Message }

/**
 * Detects the format from the first DETECT_HEAD_CHARS characters (or the whole file when shorter), then pushes
 * every chunk into the streaming importer, yielding to the page between chunks. An unrecognised, binary or empty
 * file gives its reason naming the file; nothing is thrown for bad content.
 */
export async function parseChunks(
  fileName: string,
  chunks: AsyncIterable<TextChunk>,
  options: Omit<ImportOptions, 'fileName'>,
  onProgress?: (done: number, total: number) => void,
  pause: () => Promise<void> = yieldToUi
): Promise<ParseOutcome> {
  let head = ''
  let importer: ReturnType<typeof createImporter> | undefined
  const start = (): Message | undefined => {
    const detected = detectFormat(head, fileName)
    if ('error' in detected) return detected.errorMsg
    importer = createImporter(detected.format, { ...options, fileName })
    importer.push(head)
    return undefined
  }
  try {
    for await (const chunk of chunks) {
      if (importer) importer.push(chunk.text)
      else {
        head += chunk.text
        if (head.length >= DETECT_HEAD_CHARS) {
          const error = start()
          if (error) return refused(error)
        }
      }
      onProgress?.(chunk.done, chunk.total)
      await pause()
    }
    if (!importer) {
      const error = start()
      if (error) return refused(error)
    }
    return { ok: true, result: importer!.finish() }
  } catch (err) {
    return refused(
      msg('import.readFailed', { file: fileName, reason: verbatim(err instanceof Error ? err.message : String(err)) })
    )
  }
}

const refused = (errorMsg: Message): ParseOutcome => ({ ok: false, error: english(errorMsg), errorMsg })

export interface RowError {
  fileName: string
  row: number
  field: string
  /** In English. */
  message: string
  msg?: Message
}

/**
 * The row errors of one or more files as a CSV document (formulas neutralised by toCsv); text gives each error's
 * message in the screen's language (default: the English one).
 */
export const rowErrorsCsv = (
  errors: readonly RowError[],
  text: (error: RowError) => string = (e) => e.message
): string =>
  toCsv(
    ['file', 'row', 'field', 'message'],
    errors.map((e) => [e.fileName, e.row, e.field, text(e)])
  )

/**
 * Rows kept out of the ledger: the importer's rejected rows (each once, however many errors it has) and the runs the
 * ledger's preview refused after them (ledgerSkipped lists the importer's errors first, then one entry per refused run).
 */
export const skippedRowCount = (
  result: Pick<ImportResult, 'skippedRows' | 'errors'>,
  ledgerSkipped: readonly unknown[]
): number => result.skippedRows + Math.max(0, ledgerSkipped.length - result.errors.length)

/**
 * A warning as the preview lists it. The importer's own warnings name their file and row in the message; a run's
 * warnings do not, so they come with the run's place (its file row, or in JSON its position) and title.
 */
export interface PreviewWarning {
  message: string
  msg?: Message
  field?: string
  run?: { row?: number; unit: 'row' | 'run'; title: string }
}

export function previewWarnings(result: Pick<ImportResult, 'format' | 'warnings' | 'runs'>): PreviewWarning[] {
  const unit = result.format === 'ledger-json' ? 'run' : 'row'
  const list: PreviewWarning[] = result.warnings.map((w) => ({
    message: w.message,
    ...(w.msg ? { msg: w.msg } : {}),
    ...(w.field !== undefined ? { field: w.field } : {})
  }))
  for (const run of result.runs) {
    const place = { ...(run.row !== undefined ? { row: run.row } : {}), unit, title: run.input.title } as const
    run.warnings.forEach((message, i) => {
      const warningMsg = run.warningMsgs?.[i]
      list.push({ message, ...(warningMsg ? { msg: warningMsg } : {}), run: place })
    })
  }
  return list
}

/**
 * The energy a previewed run will be stored with (the facility energy) and how it follows from the file's figure:
 * a measured IT energy is multiplied by the PUE of the run's data centre (the lab's default unless the file or the
 * location sets one), unless the file's energy already includes it.
 */
export type StoredEnergy =
  | { kind: 'withPue'; measuredKWh: number; pue: number; storedKWh: number }
  | { kind: 'pueIncluded' | 'measured' | 'estimated'; storedKWh: number }

export function storedEnergy(input: RunInput, result: StoredResult): StoredEnergy {
  const storedKWh = result.energyKWh.value
  if (input.measuredEnergyKWh === undefined) return { kind: 'estimated', storedKWh }
  if (input.measuredEnergyIncludesPue) return { kind: 'pueIncluded', storedKWh }
  const pue = result.pue.value
  return pue === 1
    ? { kind: 'measured', storedKWh }
    : { kind: 'withPue', measuredKWh: input.measuredEnergyKWh, pue, storedKWh }
}

/** storedEnergy of the first `limit` runs (those the preview lists); undefined where the run cannot be computed. */
export const storedEnergies = (
  runs: readonly ImportedRun[],
  compute: (input: RunInput) => RunResult,
  limit: number
): (StoredEnergy | undefined)[] =>
  runs.slice(0, limit).map((run) => {
    try {
      return storedEnergy(run.input, compute(run.input))
    } catch {
      // The ledger's preview lists why such a run is skipped.
      return undefined
    }
  })

/** import-errors-<file stem>-YYYY-MM-DD.csv */
export const rowErrorsFileName = (fileName: string, date: Date): string => {
  const stem =
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 60) || 'import'
  return `import-errors-${stem}-${localDay(date)}.csv`
}

/**
 * The time-zone offsets a file's clock can be given in, minutes east of UTC: every whole hour from −12 to +14 and
 * the half and three-quarter hours in use (India +5:30, Nepal +5:45, Newfoundland −3:30, …).
 */
export const UTC_OFFSETS_MINUTES: readonly number[] = [
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -570,
  -210,
  210,
  270,
  330,
  345,
  390,
  525,
  570,
  630,
  765
].sort((a, b) => a - b)

/** "UTC", "UTC+05:30", "UTC−03:30" (a real minus sign). */
export const utcOffsetLabel = (minutes: number): string => {
  if (minutes === 0) return 'UTC'
  const abs = Math.abs(minutes)
  return `UTC${minutes < 0 ? '\u2212' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
