import type { z } from 'zod'
import { english, englishOnce, type Message } from '../messages/index'
import type { ImportError, ImportWarning } from './types'

/** A row's error, its English text made from its message. */
export const rowError = (row: number, field: string, msg: Message): ImportError => ({
  row,
  field,
  message: english(msg),
  msg
})

/** How many rows the errors reject: a row with several errors counts once. */
export const distinctRows = (errors: readonly ImportError[]): number => new Set(errors.map((e) => e.row)).size

/** A warning, with the row and field it concerns when it concerns one. */
export const importWarning = (msg: Message, row?: number, field?: string): ImportWarning => ({
  ...(row !== undefined ? { row } : {}),
  ...(field !== undefined ? { field } : {}),
  message: english(msg),
  msg
})

/** A run's warnings: the English texts and the messages, in the same order. */
export const runWarnings = (msgs: Message[]): { warnings: string[]; warningMsgs: Message[] } => ({
  warnings: msgs.map(englishOnce),
  warningMsgs: msgs
})

/**
 * A zod issue path as the ledger file names the field: devices.0.count → device1.count (the CSV column; when the
 * CSV numbered its devices with gaps, deviceNumbers gives the number of each array entry), location.code as it is.
 */
export function fieldOfPath(path: readonly PropertyKey[], deviceNumbers?: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    const next = path[i + 1]
    if (key === 'devices' && typeof next === 'number') {
      parts.push(`device${deviceNumbers?.[next] ?? next + 1}`)
      i += 1
    } else {
      parts.push(String(key))
    }
  }
  return parts.join('.') || '(run)'
}

export function errorsOfZod(error: z.ZodError, row: number, deviceNumbers?: number[]): ImportError[] {
  return error.issues.map((issue) => ({ row, field: fieldOfPath(issue.path, deviceNumbers), message: issue.message }))
}
