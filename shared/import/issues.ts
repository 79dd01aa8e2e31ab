import type { z } from 'zod'
import type { ImportError } from './types'

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
