import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importJson, importSummary } from '../../../main/cli/commands/import'
import { catalogueMatcher, importText } from '../../../shared/import'
import { loadReferenceData } from '../../../shared/refdata'

const root = 'tests/fixtures/import'
const files = ['codecarbon', 'slurm', 'nvidia-smi', 'ledger'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => /\.(csv|psv|json)$/.test(name))
    .map((name) => join(root, dir, name))
)

describe('import summary without traces', () => {
  it.each(files)('%s: the same summary as the --json document', async (path) => {
    const result = importText(readFileSync(path, 'utf8'), path.split('/').at(-1)!, {
      matchHardware: catalogueMatcher(loadReferenceData())
    })
    if ('error' in result) throw new Error(result.error)
    const doc = await importJson(result)
    const fast = await importSummary(result)
    const { reportedRuns, ...sums } = fast.summary
    expect(sums).toEqual(doc.summary)
    expect(reportedRuns).toBe(doc.runs.filter((r) => r.emissionsSource === 'reported').length)
    expect(fast.warnings).toEqual(doc.warnings)
  })
})
