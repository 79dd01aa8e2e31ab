import { memoiseMatcher } from './catalogue'
import { createCodeCarbonImporter } from './codecarbon'
import { detectFormat } from './detect'
import { createLedgerCsvImporter, createLedgerJsonImporter } from './ledger'
import { createNvidiaSmiImporter } from './nvidia-smi'
import { createSlurmImporter } from './slurm'
import type { Importer, ImportFormat, ImportOptions, ImportResult } from './types'

export { catalogueMatcher } from './catalogue'
export { DETECT_HEAD_CHARS, detectFormat } from './detect'
export { DEFAULT_NVIDIA_SMI_COLUMNS, GAP_MEDIAN_INTERVALS } from './nvidia-smi'
export { findRankGroups, mergeRanks, RANK_OVERLAP, type RankGroup } from './ranks'
export { SACCT_COMMAND } from './slurm-fields'
export * from './types'

/**
 * A streaming importer: push the file's text in chunks of any size (split anywhere), then finish.
 * Detect the format first with detectFormat on the file's first DETECT_HEAD_CHARS characters.
 */
export function createImporter(format: ImportFormat, givenOptions: ImportOptions): Importer {
  const { matchHardware } = givenOptions
  const options = matchHardware ? { ...givenOptions, matchHardware: memoiseMatcher(matchHardware) } : givenOptions
  switch (format) {
    case 'codecarbon':
      return createCodeCarbonImporter(options)
    case 'nvidia-smi':
      return createNvidiaSmiImporter(options)
    case 'ledger-csv':
      return createLedgerCsvImporter(options)
    case 'ledger-json':
      return createLedgerJsonImporter(options)
    case 'slurm':
      return createSlurmImporter(options)
  }
}

/** Whole-text import for small files and tests: detects the format, then imports in one chunk. */
export function importText(
  text: string,
  fileName: string,
  options: Omit<ImportOptions, 'fileName'> = {}
): ImportResult | { error: string } {
  const detected = detectFormat(text, fileName)
  if ('error' in detected) return detected
  const importer = createImporter(detected.format, { ...options, fileName })
  importer.push(text)
  return importer.finish()
}
