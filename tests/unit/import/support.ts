import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importText } from '../../../shared/import'
import type { ImportOptions, ImportResult } from '../../../shared/import/types'

export const fixturePath = (relative: string): string =>
  fileURLToPath(new URL(`../../fixtures/import/${relative}`, import.meta.url))

export const readFixture = (relative: string): string => readFileSync(fixturePath(relative), 'utf8')

/** Imports a fixture whole; fails the test when the format is not recognised. */
export function importFixture(relative: string, options: Omit<ImportOptions, 'fileName'> = {}): ImportResult {
  const result = importText(readFixture(relative), basename(relative), options)
  if ('error' in result) throw new Error(result.error)
  return result
}

export function runById(result: ImportResult, externalId: string): ImportResult['runs'][number] {
  const run = result.runs.find((r) => r.externalId === externalId)
  if (!run) throw new Error(`no run ${externalId} in ${result.runs.map((r) => r.externalId).join(', ')}`)
  return run
}
