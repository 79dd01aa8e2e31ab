import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadHourlyProfile, loadReferenceData } from '../../../shared/refdata/index'
import { cliJson } from './support'

const header =
  'title,project,person,kind,startedAt,durationS,location.kind,location.code,measuredEnergyKWh,measuredEnergyIncludesPue,externalId'

describe('cli import: runs at the intensity of their hours', { timeout: 60_000 }, () => {
  it("weights a run in France by the bundled 2024 hourly profile, as the app's import does", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cl-import-hourly-'))
    const file = join(dir, 'runs.csv')
    // 10 kWh at the meter (PUE included) over two whole UTC hours, and a run in 2019, outside every profile.
    await writeFile(
      file,
      `${header}\nhourly,p,Ada,training,2024-03-01T10:00:00Z,7200,country,FR,10,yes,a\n` +
        `yearly,p,Ada,training,2019-03-01T10:00:00Z,7200,country,FR,10,yes,b\n`
    )
    const doc = (await cliJson('import', file)) as { runs: { externalId: string; emissionsKg: number }[] }
    const profile = (await loadHourlyProfile('FR', 2024))!
    const hour = (Date.parse('2024-03-01T10:00:00Z') - Date.parse(profile.startUtc)) / 3_600_000
    const hourlyMean = (profile.lifecycleGPerKWh[hour]! + profile.lifecycleGPerKWh[hour + 1]!) / 2
    const hourly = doc.runs.find((r) => r.externalId === 'a')!
    expect(hourly.emissionsKg).toBeCloseTo((10 * hourlyMean) / 1000, 9)

    const france = loadReferenceData().locations.find((l) => l.id === 'country:FRA')!
    const yearly = france.intensities.find((i) => i.year === 2019)!.intensityGPerKWh
    expect(doc.runs.find((r) => r.externalId === 'b')!.emissionsKg).toBeCloseTo((10 * yearly) / 1000, 9)
    // the two differ, so the first cannot have passed on the yearly value
    expect(Math.abs(hourlyMean - yearly)).toBeGreaterThan(1)
  })
})
