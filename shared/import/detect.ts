import { english, type Message, msg } from '../messages/index'
import { createCsvParser } from './csv'
import { normaliseHeaderName, squashHeaderName } from './headers'
import { SACCT_COMMAND } from './slurm-fields'
import { findSacctDelimiter, isHeaderlessSacct, isSacctTable } from './slurm-header'
import type { ImportFormat } from './types'
import { clip } from './values'

/** How much of the file detection needs; callers pass at least this much (or the whole file when shorter). */
export const DETECT_HEAD_CHARS = 8192

const NVIDIA_SMI_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/

/** Why a file cannot be read: in English (error) and as a message (errorMsg). */
const refuse = (errorMsg: Message): { error: string; errorMsg: Message } => ({ error: english(errorMsg), errorMsg })

/** Decides the format from the content (never the extension): the first few KB of the file are enough. */
export function detectFormat(
  head: string,
  fileName: string
): { format: ImportFormat } | { error: string; errorMsg: Message } {
  const text = head.slice(0, DETECT_HEAD_CHARS).replace(/^\uFEFF/, '')
  const nulCount = text.length - text.replaceAll('\u0000', '').length
  // Excel's "Unicode text" is UTF-16: every other byte of ASCII text is NUL.
  const body = text.startsWith('\uFFFD\uFFFD') ? text.slice(2) : text
  if (nulCount > text.length / 4 && body[1] === '\u0000' && body[3] === '\u0000' && body[0] !== '\u0000') {
    return refuse(msg('detect.utf16', { file: fileName }))
  }
  if (nulCount > 0) return refuse(msg('detect.binary', { file: fileName }))
  const replaced = text.length - text.replaceAll('\uFFFD', '').length
  if (replaced >= 4 && replaced > text.length / 100) {
    return refuse(msg('detect.notUtf8', { file: fileName, count: replaced, length: text.length }))
  }
  const trimmed = text.trimStart()
  if (trimmed === '') return refuse(msg('import.empty', { file: fileName }))
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { format: 'ledger-json' }

  const [line1 = '', line2] = trimmed.split('\n', 2).map((l) => l.replace(/\r$/, ''))
  if (findSacctDelimiter(line1) !== undefined || isHeaderlessSacct(line1)) return { format: 'slurm' }
  if (isSacctTable(line1, line2)) return refuse(msg('detect.sacctTable', { file: fileName, command: SACCT_COMMAND }))

  const first = firstRecord(text)
  const names = new Set(first.map(normaliseHeaderName))
  if (
    names.has('timestamp') &&
    names.has('duration') &&
    (names.has('project_name') || names.has('run_id') || names.has('emissions') || names.has('energy_consumed'))
  ) {
    return { format: 'codecarbon' }
  }
  if (
    [...names].some((name) => name.startsWith('power.draw')) ||
    (first[0] !== undefined && NVIDIA_SMI_TIMESTAMP.test(first[0].trim()))
  ) {
    return { format: 'nvidia-smi' }
  }
  const squashed = new Set(first.map(squashHeaderName))
  if (squashed.has('startedat') && squashed.has('durations')) return { format: 'ledger-csv' }
  if (first.length === 1 && (first[0] ?? '').includes(';')) {
    return refuse(msg('detect.semicolons', { file: fileName }))
  }
  const shown = first
    .slice(0, 8)
    .map((n) => clip(n.trim(), 30))
    .join(', ')
  return refuse(msg('detect.unknown', { file: fileName, firstRow: `${shown}${first.length > 8 ? ', …' : ''}` }))
}

function firstRecord(text: string): string[] {
  let cells: string[] | undefined
  const parser = createCsvParser((r) => {
    cells ??= r.cells
  })
  const end = text.indexOf('\n')
  // The first line alone decides unless a quoted header cell holds a newline.
  parser.push(end === -1 ? text : text.slice(0, end + 1))
  if (cells === undefined && end !== -1) parser.push(text.slice(end + 1))
  parser.finish()
  return cells ?? []
}
